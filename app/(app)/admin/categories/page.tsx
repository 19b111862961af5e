import type { Metadata } from "next";
import { FolderTree, Pencil, Plus } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { ReferenceDialog } from "@/components/admin/categories/reference-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { categoryTreeForAdmin, type AdminRootCause } from "@/lib/reference/categories";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminCategories");
  return { title: t("title") };
}

export default async function AdminCategoriesPage() {
  await requirePermission("admin.config");
  const [t, locale, tree] = await Promise.all([
    getTranslations("adminCategories"),
    getLocale(),
    categoryTreeForAdmin(),
  ]);
  const name = (row: { nameZh: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameZh);
  const other = (row: { nameZh: string; nameEn: string }) => (locale === "en" ? row.nameZh : row.nameEn);
  const inactive = <Badge tone="neutral">{t("inactive")}</Badge>;
  const editButton = (label: string) => (
    <Button variant="ghost" size="sm" aria-label={label}>
      <Pencil aria-hidden />
    </Button>
  );

  const causeList = (causes: AdminRootCause[], categoryId: number | null) => (
    <div className="px-5 py-3">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("rootCauses")}</h3>
        <ReferenceDialog
          type="rootCause"
          row={null}
          categoryId={categoryId}
          trigger={
            <Button variant="ghost" size="sm">
              <Plus aria-hidden />
              {t("addRootCause")}
            </Button>
          }
        />
      </div>
      {causes.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noRootCauses")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {causes.map((cause) => (
            <li
              key={cause.id}
              className="flex items-center gap-3 py-1.5 text-sm"
              data-testid={`root-cause-${cause.code}`}
            >
              <span className="w-36 shrink-0 font-mono text-xs text-slate-600">{cause.code}</span>
              <span className="text-slate-900">{name(cause)}</span>
              <span className="text-slate-500">{other(cause)}</span>
              <Badge tone="violet">{t(`kinds.${cause.kind}`)}</Badge>
              {cause.active ? null : inactive}
              <span className="ml-auto text-xs text-slate-500">{t("complaintsCount", { count: cause.inUse })}</span>
              <ReferenceDialog
                type="rootCause"
                row={cause}
                categoryId={categoryId}
                trigger={editButton(t("editNamed", { name: cause.code }))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: tree.categories.length })}
        actions={
          <ReferenceDialog
            type="category"
            row={null}
            parentId={null}
            trigger={
              <Button>
                <Plus aria-hidden />
                {t("addCategory")}
              </Button>
            }
          />
        }
      />
      {tree.categories.length === 0 ? (
        <Card>
          <EmptyState icon={FolderTree} title={t("empty")} />
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          {tree.categories.map((category) => (
            <Card key={category.id} data-testid={`category-${category.code}`}>
              <CardHeader className="items-center">
                <div className="flex flex-wrap items-center gap-2">
                  <CardTitle>{name(category)}</CardTitle>
                  <span className="text-sm text-slate-500">{other(category)}</span>
                  <span className="font-mono text-xs text-slate-500">{category.code}</span>
                  {category.active ? null : inactive}
                </div>
                <div className="flex items-center gap-1">
                  <span className="text-xs text-slate-500">{t("complaintsCount", { count: category.inUse })}</span>
                  <ReferenceDialog
                    type="category"
                    row={category}
                    parentId={null}
                    trigger={editButton(t("editNamed", { name: category.code }))}
                  />
                </div>
              </CardHeader>
              <div className="border-b border-slate-100 px-5 py-3">
                <div className="mb-2 flex items-center justify-between">
                  <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("subcategories")}</h3>
                  <ReferenceDialog
                    type="category"
                    row={null}
                    parentId={category.id}
                    trigger={
                      <Button variant="ghost" size="sm">
                        <Plus aria-hidden />
                        {t("addSubcategory")}
                      </Button>
                    }
                  />
                </div>
                {category.children.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("noSubcategories")}</p>
                ) : (
                  <ul className="flex flex-wrap gap-2">
                    {category.children.map((child) => (
                      <li
                        key={child.id}
                        className="flex items-center gap-1 rounded-md border border-slate-200 py-0.5 pr-0.5 pl-2 text-sm"
                      >
                        <span className={child.active ? "text-slate-900" : "text-slate-400 line-through"}>
                          {name(child)}
                        </span>
                        <span className="font-mono text-[11px] text-slate-500">{child.code}</span>
                        <ReferenceDialog
                          type="category"
                          row={child}
                          parentId={category.id}
                          trigger={editButton(t("editNamed", { name: child.code }))}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {causeList(category.rootCauses, category.id)}
            </Card>
          ))}
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("generalCauses")}</CardTitle>
                <p className="mt-0.5 text-sm text-slate-500">{t("generalCausesHint")}</p>
              </div>
            </CardHeader>
            {causeList(tree.orphanCauses, null)}
          </Card>
        </div>
      )}
    </>
  );
}
