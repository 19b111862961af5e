// Demo organisation and customers: four teams with a supervisor each, the demo sign-ins plus colleagues, and ~60
// customers whose tiers, tags and languages give every filter and badge something to show.
import type { Tx } from "../../../lib/db";
import type { Locale, Role } from "../../../lib/generated/prisma/enums";
import { DEMO_LOGINS } from "../demo-logins";
import type { SeededRandom } from "./random";
import type { Reference } from "./reference";

export interface DemoTeam {
  id: number;
  code: string;
  supervisorId: number;
  agentIds: number[];
}

export interface DemoStaff {
  teams: Record<"phone" | "baggage" | "member" | "escalations", DemoTeam>;
  managerId: number;
  adminId: number;
  demoAgentId: number;
  liaisonId: number;
  userIds: number[];
}

export interface DemoCustomer {
  id: number;
  name: string;
  locale: Locale;
  tierId: number | null;
  tierEscalates: boolean;
  email: string | null;
  membershipNumber: string | null;
  consentSurvey: boolean;
  /** Relative likelihood of filing a complaint: repeat complainers file many. */
  activity: number;
}

const TEAMS = [
  { key: "phone", code: "phone-care", nameZh: "电话客服组", nameEn: "Phone Care" },
  { key: "baggage", code: "baggage-services", nameZh: "行李服务组", nameEn: "Baggage Services" },
  { key: "member", code: "member-services", nameZh: "会员服务组", nameEn: "Member Services" },
  { key: "escalations", code: "escalations-quality", nameZh: "投诉督办组", nameEn: "Escalations & Quality" },
] as const;

type TeamKey = (typeof TEAMS)[number]["key"];

// Colleagues of the demo users; e-mail local parts are the pinyin of the name.
const SUPERVISORS: { team: TeamKey; name: string; email: string }[] = [
  { team: "baggage", name: "刘洋 Liu Yang", email: "liu.yang@skyline.example" },
  { team: "member", name: "赵敏 Zhao Min", email: "zhao.min@skyline.example" },
  { team: "escalations", name: "孙浩 Sun Hao", email: "sun.hao@skyline.example" },
];

const AGENTS: { team: TeamKey; name: string; email: string; locale?: Locale }[] = [
  { team: "phone", name: "周婷 Zhou Ting", email: "zhou.ting@skyline.example" },
  { team: "phone", name: "吴磊 Wu Lei", email: "wu.lei@skyline.example" },
  { team: "phone", name: "Emily Carter", email: "emily.carter@skyline.example", locale: "en" },
  { team: "baggage", name: "郑凯 Zheng Kai", email: "zheng.kai@skyline.example" },
  { team: "baggage", name: "黄丽 Huang Li", email: "huang.li@skyline.example" },
  { team: "baggage", name: "林峰 Lin Feng", email: "lin.feng@skyline.example" },
  { team: "member", name: "何雪 He Xue", email: "he.xue@skyline.example" },
  { team: "member", name: "马超 Ma Chao", email: "ma.chao@skyline.example" },
  { team: "escalations", name: "高远 Gao Yuan", email: "gao.yuan@skyline.example" },
  { team: "escalations", name: "罗佳 Luo Jia", email: "luo.jia@skyline.example" },
];

function demoLogin(role: Role) {
  const login = DEMO_LOGINS.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`DEMO_LOGINS has no ${role}`);
  return login;
}

export async function seedStaff(tx: Tx, passwordHash: string, createdAt: Date): Promise<DemoStaff> {
  const create = (role: Role, name: string, email: string, locale: Locale = "zh_CN") =>
    tx.user.create({ data: { role, name, email, locale, passwordHash, createdAt }, select: { id: true } });

  const [agent, supervisor, manager, admin] = [
    await create("agent", demoLogin("agent").name, demoLogin("agent").email),
    await create("supervisor", demoLogin("supervisor").name, demoLogin("supervisor").email),
    await create("manager", demoLogin("manager").name, demoLogin("manager").email),
    await create("admin", demoLogin("admin").name, demoLogin("admin").email),
  ];
  const liaison = await create("liaison", demoLogin("liaison").name, demoLogin("liaison").email);
  const supervisorOf: Record<TeamKey, number> = { phone: supervisor.id, baggage: 0, member: 0, escalations: 0 };
  for (const colleague of SUPERVISORS) {
    supervisorOf[colleague.team] = (await create("supervisor", colleague.name, colleague.email)).id;
  }
  const agentsOf: Record<TeamKey, number[]> = { phone: [agent.id], baggage: [], member: [], escalations: [] };
  for (const colleague of AGENTS) {
    agentsOf[colleague.team].push((await create("agent", colleague.name, colleague.email, colleague.locale)).id);
  }

  const createTeam = async (key: TeamKey): Promise<DemoTeam> => {
    const team = TEAMS.find((candidate) => candidate.key === key);
    if (!team) throw new Error(`unknown demo team ${key}`);
    const row = await tx.team.create({
      data: { code: team.code, nameZh: team.nameZh, nameEn: team.nameEn, supervisorId: supervisorOf[key], createdAt },
    });
    await tx.teamMembership.createMany({
      data: [supervisorOf[key], ...agentsOf[key]].map((userId) => ({ teamId: row.id, userId })),
    });
    return { id: row.id, code: team.code, supervisorId: supervisorOf[key], agentIds: agentsOf[key] };
  };
  const teams: DemoStaff["teams"] = {
    phone: await createTeam("phone"),
    baggage: await createTeam("baggage"),
    member: await createTeam("member"),
    escalations: await createTeam("escalations"),
  };
  const userIds = [
    agent.id,
    supervisor.id,
    manager.id,
    admin.id,
    liaison.id,
    ...Object.values(supervisorOf),
    ...Object.values(agentsOf).flat(),
  ];
  return {
    teams,
    managerId: manager.id,
    adminId: admin.id,
    demoAgentId: agent.id,
    liaisonId: liaison.id,
    userIds: [...new Set(userIds)],
  };
}

const SURNAMES = [
  ["王", "Wang"],
  ["李", "Li"],
  ["张", "Zhang"],
  ["刘", "Liu"],
  ["陈", "Chen"],
  ["杨", "Yang"],
  ["黄", "Huang"],
  ["赵", "Zhao"],
  ["吴", "Wu"],
  ["周", "Zhou"],
  ["徐", "Xu"],
  ["孙", "Sun"],
  ["马", "Ma"],
  ["朱", "Zhu"],
  ["胡", "Hu"],
  ["郭", "Guo"],
  ["何", "He"],
  ["林", "Lin"],
  ["罗", "Luo"],
  ["宋", "Song"],
] as const;
const GIVEN_NAMES = [
  ["建国", "jianguo"],
  ["秀英", "xiuying"],
  ["志强", "zhiqiang"],
  ["海燕", "haiyan"],
  ["晓东", "xiaodong"],
  ["丽华", "lihua"],
  ["文博", "wenbo"],
  ["雨欣", "yuxin"],
  ["子涵", "zihan"],
  ["俊杰", "junjie"],
  ["思远", "siyuan"],
  ["梦琪", "mengqi"],
  ["国平", "guoping"],
  ["佳怡", "jiayi"],
  ["明", "ming"],
  ["芳", "fang"],
  ["鹏", "peng"],
  ["静怡", "jingyi"],
  ["浩然", "haoran"],
  ["欣怡", "xinyi"],
] as const;
const ENGLISH_NAMES = [
  "James Wilson",
  "Sarah Thompson",
  "Michael Brown",
  "Anna Müller",
  "David Kim",
  "Laura Rossi",
  "Thomas Becker",
  "Olivia Martin",
  "Daniel Lee",
  "Sophie Dubois",
] as const;
const COMPANIES = [
  "星辰科技有限公司",
  "海川国际贸易有限公司",
  "远景咨询集团",
  "Northwind Logistics Ltd.",
  "华晟医药有限公司",
];
const SPECIAL_NEEDS = [
  "轮椅服务（WCHR）",
  "视力障碍，需要引导",
  "孕妇（28周）",
  "Wheelchair (WCHC), travels with carer",
];

const CUSTOMER_COUNT = 60;
const ENGLISH_EVERY = 6; // one customer in six corresponds in English

/** Tier by rank position: the most valuable tier is rare, the entry tier common. */
function pickTier(random: SeededRandom, tiers: Reference["tiers"]) {
  const weights = [10, 20, 25, 45];
  return random.weighted(tiers.map((tier, index) => [tier, weights[index] ?? 20] as const));
}

export async function seedCustomers(
  tx: Tx,
  reference: Reference,
  random: SeededRandom,
  now: Date,
): Promise<DemoCustomer[]> {
  const rows = Array.from({ length: CUSTOMER_COUNT }, (_, index) => {
    const english = index % ENGLISH_EVERY === ENGLISH_EVERY - 1;
    const surname = random.pick(SURNAMES);
    const given = random.pick(GIVEN_NAMES);
    const name = english
      ? (ENGLISH_NAMES[Math.floor(index / ENGLISH_EVERY)] ?? "Alex Smith")
      : `${surname[0]}${given[0]}`;
    const emailLocal = english
      ? name.toLowerCase().replace(/[^a-z]+/g, ".")
      : `${given[1]}.${surname[1].toLowerCase()}`;
    const tier = reference.tiers.length > 0 ? pickTier(random, reference.tiers) : undefined;
    const tierPosition = tier ? reference.tiers.indexOf(tier) : 3;
    const tags: string[] = [];
    if (tierPosition === 0 || (tierPosition === 1 && random.chance(0.3))) tags.push("VIP");
    const specialNeeds = index % 11 === 3 ? random.pick(SPECIAL_NEEDS) : null;
    if (specialNeeds) tags.push("special needs");
    const repeat = index % 8 === 5;
    if (repeat) tags.push("repeat complainer");
    const createdAt = new Date(now.getTime() - random.int(150, 1500) * 86_400_000);
    return {
      name,
      phone: `+86 13${random.int(0, 9)}${random.digits(8)}`,
      email: random.chance(0.9) ? `${emailLocal}${index}@example.${english ? "com" : "cn"}` : null,
      locale: english ? ("en" as const) : ("zh_CN" as const),
      idNumber: english
        ? `E${random.digits(8)}`
        : `${random.pick(["110101", "310104", "440305", "510107"])}19${random.int(60, 99)}${String(random.int(1, 12)).padStart(2, "0")}${String(random.int(1, 28)).padStart(2, "0")}${random.digits(4)}`,
      membershipNumber: random.chance(0.85) ? `CA${random.digits(9)}` : null,
      tierId: tier?.id ?? null,
      company: random.chance(0.15) ? random.pick(COMPANIES) : null,
      valueScore: Math.max(5, Math.min(99, 95 - tierPosition * 22 + random.int(-8, 8))),
      tags,
      specialNeeds,
      consentSurvey: random.chance(0.95),
      consentMarketing: random.chance(0.4),
      createdAt,
      updatedAt: createdAt,
      activity: repeat ? 4 : random.between(0.5, 1.5),
      tierEscalates: tier?.escalateOnCreate ?? false,
    };
  });
  const created = await tx.customer.createManyAndReturn({
    data: rows.map(({ activity: _activity, tierEscalates: _escalates, ...row }) => row),
    select: { id: true },
  });
  return created.map((row, index) => {
    const source = rows[index];
    if (!source) throw new Error("customer insert returned more rows than sent");
    return {
      id: row.id,
      name: source.name,
      locale: source.locale,
      tierId: source.tierId,
      tierEscalates: source.tierEscalates,
      email: source.email,
      membershipNumber: source.membershipNumber,
      consentSurvey: source.consentSurvey,
      activity: source.activity,
    };
  });
}
