/** Platform ids are unique only within one platform (its base URL) and one account. */
export interface AccountScope {
  source: string;
  accountId: string;
}
