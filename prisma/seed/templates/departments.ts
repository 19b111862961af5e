// Departments per industry template (issue 18; handbooks 000 §2.4/§7.4, 002 §2.3/§2.4): who the complaint centre
// asks for facts. Reply times default to urgent 1, normal 3, investigation 15 working days on the office calendar.
// Customer relations (CRM) takes L3 escalations by default (000 §2.4); its owner is set on /admin/departments.
import { CALENDAR_OFFICE } from "./calendars";
import type { DepartmentTemplate } from "./types";

const office = CALENDAR_OFFICE.code;

export const AIRLINE_DEPARTMENTS: DepartmentTemplate[] = [
  { code: "dept-ground", nameZh: "地面服务部", nameEn: "Ground services", calendarCode: office },
  { code: "dept-baggage", nameZh: "行李服务部", nameEn: "Baggage services", calendarCode: office },
  { code: "dept-flight-ops", nameZh: "飞行运行部", nameEn: "Flight operations", calendarCode: office },
  { code: "dept-cabin", nameZh: "客舱服务部", nameEn: "Cabin services", calendarCode: office },
  { code: "dept-sales", nameZh: "销售与票务部", nameEn: "Sales and ticketing", calendarCode: office },
  { code: "dept-catering", nameZh: "配餐部", nameEn: "Catering", calendarCode: office },
  { code: "dept-finance", nameZh: "财务部", nameEn: "Finance", calendarCode: office },
  { code: "dept-legal", nameZh: "法务部", nameEn: "Legal", calendarCode: office },
  { code: "dept-it", nameZh: "信息技术部", nameEn: "IT", calendarCode: office },
  {
    code: "dept-crm",
    nameZh: "客户关系部",
    nameEn: "Customer relations (CRM)",
    calendarCode: office,
    escalationLevel: 3,
  },
];

export const TRAVEL_DEPARTMENTS: DepartmentTemplate[] = [
  { code: "dept-operations", nameZh: "运营部", nameEn: "Operations", calendarCode: office },
  { code: "dept-tour-guides", nameZh: "导游领队部", nameEn: "Guides and tour leaders", calendarCode: office },
  { code: "dept-sales", nameZh: "销售部", nameEn: "Sales", calendarCode: office },
  { code: "dept-finance", nameZh: "财务部", nameEn: "Finance", calendarCode: office },
  { code: "dept-legal", nameZh: "法务部", nameEn: "Legal", calendarCode: office },
  { code: "dept-it", nameZh: "信息技术部", nameEn: "IT", calendarCode: office },
  { code: "supplier-hotels", nameZh: "酒店供应商", nameEn: "Hotel suppliers", kind: "supplier", calendarCode: office },
  {
    code: "supplier-tours",
    nameZh: "地接社/景区供应商",
    nameEn: "Tour and attraction suppliers",
    kind: "supplier",
    calendarCode: office,
  },
  {
    code: "supplier-transport",
    nameZh: "交通供应商",
    nameEn: "Transport suppliers",
    kind: "supplier",
    calendarCode: office,
  },
  {
    code: "dept-crm",
    nameZh: "客户关系部",
    nameEn: "Customer relations (CRM)",
    calendarCode: office,
    escalationLevel: 3,
  },
];

export const ENTERPRISE_DEPARTMENTS: DepartmentTemplate[] = [
  { code: "dept-product", nameZh: "产品部", nameEn: "Product", calendarCode: office },
  { code: "dept-quality", nameZh: "质量部", nameEn: "Quality", calendarCode: office },
  { code: "dept-delivery", nameZh: "交付与物流部", nameEn: "Delivery and logistics", calendarCode: office },
  { code: "dept-sales", nameZh: "销售部", nameEn: "Sales", calendarCode: office },
  { code: "dept-finance", nameZh: "财务部", nameEn: "Finance", calendarCode: office },
  { code: "dept-legal", nameZh: "法务部", nameEn: "Legal", calendarCode: office },
  { code: "dept-it", nameZh: "信息技术部", nameEn: "IT", calendarCode: office },
  {
    code: "supplier-partners",
    nameZh: "外部供应商",
    nameEn: "External suppliers",
    kind: "supplier",
    calendarCode: office,
  },
  {
    code: "dept-crm",
    nameZh: "客户关系部",
    nameEn: "Customer relations (CRM)",
    calendarCode: office,
    escalationLevel: 3,
  },
];
