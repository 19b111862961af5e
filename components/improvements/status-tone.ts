// Badge tone of each improvement status, shared by the list and the detail page.
export const IMPROVEMENT_STATUS_TONE = {
  open: "info",
  in_progress: "warning",
  done: "success",
  cancelled: "neutral",
} as const;
