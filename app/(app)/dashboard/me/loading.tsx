// The same skeleton as the manager dashboard: tiles, then charts.
export { default } from "../loading";
