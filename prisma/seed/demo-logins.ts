// The demo sign-ins, shared by the seed, the start script's banner and the e2e fixtures. Deliberately free of any
// Prisma import so scripts and browsers tests can load it without a generated client or a database.
export const DEMO_PASSWORD = "Demo@2026!";

export interface DemoLogin {
  role: "agent" | "supervisor" | "manager" | "admin" | "liaison";
  email: string;
  name: string;
}

export const DEMO_LOGINS = [
  { role: "agent", email: "agent@skyline.example", name: "李娜 Li Na" },
  { role: "supervisor", email: "supervisor@skyline.example", name: "王强 Wang Qiang" },
  { role: "manager", email: "manager@skyline.example", name: "陈静 Chen Jing" },
  { role: "admin", email: "admin@skyline.example", name: "张伟 Zhang Wei" },
  // Department liaison (issue 18): sees only the department requests of the seeded departments they answer for.
  { role: "liaison", email: "liaison@skyline.example", name: "赵敏 Zhao Min" },
] as const satisfies readonly DemoLogin[];
