// The same skeleton as the manager dashboard: tiles, then charts.
export { default } from "../(overview)/loading";
