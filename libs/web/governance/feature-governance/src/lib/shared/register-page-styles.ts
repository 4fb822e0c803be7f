/** The layout the decision register and the actions list share: a centred page, a toolbar, a scrolling table. */
export const REGISTER_PAGE_STYLES = `
    :host {
      display: block;
      max-width: 72rem;
      margin: 0 auto;
      padding: 1rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
    .spacer {
      flex: 1;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
`;
