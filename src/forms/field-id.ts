/** The DOM id of a field's control, so the error summary can link to it: `billing-defaultAddress-city`. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
