export type CustomerFilterField =
  'CompanyName' | 'Domain' | 'IndirectReseller' | 'IndirectCloudSolutionProvider';

/** What selects a page of the customer list; part of its query key. */
export interface CustomerListFilter {
  size?: number;
  /** Partner Center's own filter: a prefix for CompanyName and Domain, a tenant id otherwise. */
  field?: CustomerFilterField;
  value?: string;
}
