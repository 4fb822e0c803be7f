/**
 * The documents side of the RGPD export, which identity may not import: the documents domain provides
 * it (see `AccountModule.register`). Each file the person uploaded: name, size, alliance, date.
 */
export abstract class AccountFiles {
  abstract uploadsOf(userId: string): Promise<unknown[]>;
}
