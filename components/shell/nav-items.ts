// The one navigation config: the sidebar, the mobile drawer and the top-bar title all read it.
// Add a page here once it exists; an item is shown only to users holding its permission (null = everyone).
import {
  Bell,
  ClipboardCheck,
  ClipboardList,
  CloudLightning,
  BookOpen,
  Building2,
  Network,
  FileSearch,
  CalendarClock,
  ChartNoAxesCombined,
  Contact,
  Eye,
  FilePlus2,
  FolderTree,
  Gauge,
  HandCoins,
  House,
  Inbox,
  KeyRound,
  Lightbulb,
  ListChecks,
  Mail,
  MessageSquare,
  MessageSquareHeart,
  MessageSquareText,
  Plane,
  Radio,
  ScrollText,
  Settings2,
  ShieldCheck,
  Siren,
  Target,
  Timer,
  UserRoundCheck,
  UsersRound,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type messages from "@/messages/en.json";
import type { Permission } from "@/lib/auth/permissions";

export type NavSection = keyof (typeof messages)["shell"]["sections"];
export type NavLabelKey = keyof (typeof messages)["nav"];

export type NavItem = {
  href: string;
  labelKey: NavLabelKey;
  icon: LucideIcon;
  permission: Permission | null;
  section: NavSection;
  /** "exact" for "/", otherwise the item is active on its sub-pages too. */
  match?: "exact" | "prefix";
  /** Titled in the top bar but not listed in the sidebar (reached from elsewhere, e.g. the bell). */
  hidden?: true;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", labelKey: "home", icon: House, permission: null, section: "workspace", match: "exact" },
  {
    href: "/notifications",
    labelKey: "notifications",
    icon: Bell,
    permission: null,
    section: "workspace",
    hidden: true,
  },
  // Dashboards (lib/kpi/): manager view, supervisor's team view, agent's own figures. "/dashboard" matches exactly so
  // the sub-pages light up their own items.
  {
    href: "/dashboard",
    labelKey: "dashboard",
    icon: ChartNoAxesCombined,
    permission: "dashboard.view",
    section: "workspace",
    match: "exact",
  },
  {
    href: "/dashboard/team",
    labelKey: "teamDashboard",
    icon: Gauge,
    permission: "dashboard.team",
    section: "workspace",
  },
  {
    href: "/dashboard/me",
    labelKey: "myPerformance",
    icon: UserRoundCheck,
    permission: "complaint.reply",
    section: "workspace",
  },
  // "/complaints/new" is longer, so it wins as the active item on the intake page (activeNavItem).
  { href: "/complaints", labelKey: "complaints", icon: Inbox, permission: "complaint.read", section: "workspace" },
  {
    href: "/complaints/new",
    labelKey: "newComplaint",
    icon: FilePlus2,
    permission: "complaint.create",
    section: "workspace",
  },
  { href: "/tasks", labelKey: "myTasks", icon: ListChecks, permission: "customer.read", section: "workspace" },
  { href: "/customers", labelKey: "customers", icon: Contact, permission: "customer.read", section: "workspace" },
  // Every agent sees the incidents (open ones first); declaring and the bulk runs need incident.manage.
  {
    href: "/incidents",
    labelKey: "incidents",
    icon: CloudLightning,
    permission: "complaint.read",
    section: "workspace",
  },
  { href: "/escalations", labelKey: "escalations", icon: Siren, permission: "escalation.manage", section: "workspace" },
  {
    href: "/approvals",
    labelKey: "approvals",
    icon: HandCoins,
    permission: "compensation.approve",
    section: "workspace",
  },
  {
    href: "/improvements",
    labelKey: "improvements",
    icon: Lightbulb,
    permission: "dashboard.team",
    section: "workspace",
  },
  {
    href: "/department-requests",
    labelKey: "departmentRequests",
    icon: FileSearch,
    permission: "investigation.answer",
    section: "workspace",
  },
  {
    href: "/admin/departments",
    labelKey: "adminDepartments",
    icon: Network,
    permission: "department.manage",
    section: "administration",
  },
  { href: "/knowledge", labelKey: "knowledge", icon: BookOpen, permission: "knowledge.read", section: "workspace" },
  // Quality (issue 22): inspection (queue for inspectors, own results for agents), monthly appraisals, settings.
  // The longest matching href wins, so appraisals and settings light up their own items, inspections "/quality".
  { href: "/quality", labelKey: "quality", icon: ClipboardCheck, permission: "quality.own", section: "workspace" },
  {
    href: "/quality/appraisals",
    labelKey: "appraisals",
    icon: ClipboardList,
    permission: "quality.own",
    section: "workspace",
  },
  {
    href: "/quality/settings",
    labelKey: "qualitySettings",
    icon: Settings2,
    permission: "quality.manage",
    section: "administration",
  },
  {
    href: "/admin/users",
    labelKey: "adminUsers",
    icon: UsersRound,
    permission: "admin.users",
    section: "administration",
  },
  {
    href: "/admin/teams",
    labelKey: "adminTeams",
    icon: Building2,
    permission: "admin.teams",
    section: "administration",
  },
  {
    href: "/admin/setup",
    labelKey: "adminSetup",
    icon: Settings2,
    permission: "admin.config",
    section: "administration",
  },
  {
    href: "/admin/categories",
    labelKey: "adminCategories",
    icon: FolderTree,
    permission: "admin.config",
    section: "administration",
  },
  {
    href: "/admin/channels",
    labelKey: "adminChannels",
    icon: Radio,
    permission: "admin.config",
    section: "administration",
  },
  { href: "/admin/sla", labelKey: "adminSla", icon: Timer, permission: "admin.config", section: "administration" },
  {
    href: "/admin/calendars",
    labelKey: "adminCalendars",
    icon: CalendarClock,
    permission: "admin.config",
    section: "administration",
  },
  {
    href: "/admin/compensation",
    labelKey: "adminCompensation",
    icon: HandCoins,
    permission: "admin.config",
    section: "administration",
  },
  {
    href: "/admin/reply-templates",
    labelKey: "adminReplyTemplates",
    icon: MessageSquareText,
    permission: "admin.config",
    section: "administration",
  },
  {
    href: "/admin/surveys",
    labelKey: "adminSurveys",
    icon: MessageSquareHeart,
    permission: "survey.manage",
    section: "administration",
  },
  { href: "/admin/kpi", labelKey: "adminKpi", icon: Target, permission: "dashboard.view", section: "administration" },
  {
    href: "/admin/passenger-volumes",
    labelKey: "adminPassengerVolumes",
    icon: Plane,
    permission: "admin.config",
    section: "administration",
  },
  {
    href: "/admin/webhooks",
    labelKey: "adminWebhooks",
    icon: Webhook,
    permission: "admin.webhooks",
    section: "administration",
  },
  {
    href: "/admin/api-tokens",
    labelKey: "apiTokens",
    icon: KeyRound,
    permission: "admin.tokens",
    section: "administration",
  },
  {
    href: "/admin/privacy",
    labelKey: "adminPrivacy",
    icon: ShieldCheck,
    permission: "admin.privacy",
    section: "administration",
  },
  {
    href: "/admin/audit",
    labelKey: "adminAudit",
    icon: ScrollText,
    permission: "admin.audit",
    section: "administration",
  },
  {
    href: "/admin/access-log",
    labelKey: "adminAccessLog",
    icon: Eye,
    permission: "admin.audit",
    section: "administration",
  },
  { href: "/admin/mail", labelKey: "adminMail", icon: Mail, permission: "admin.mail", section: "administration" },
  {
    href: "/admin/sms",
    labelKey: "adminSms",
    icon: MessageSquare,
    permission: "admin.mail",
    section: "administration",
  },
];

export const NAV_SECTIONS: readonly NavSection[] = ["workspace", "administration"];

export function visibleNavItems(permissions: ReadonlySet<Permission> | readonly Permission[]): NavItem[] {
  const granted = new Set<Permission>(permissions);
  return NAV_ITEMS.filter((item) => item.permission === null || granted.has(item.permission));
}

export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (item.match === "exact") return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** The item of the current page: the longest matching href wins. */
export function activeNavItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  return items.filter((item) => isNavItemActive(item, pathname)).sort((a, b) => b.href.length - a.href.length)[0];
}
