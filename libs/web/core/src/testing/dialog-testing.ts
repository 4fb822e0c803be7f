import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';

/** A dialog service whose confirmations answer `answer`, and which remembers what it was asked. */
export function answeringDialog(answer: boolean): {
  provider: { provide: typeof MatDialog; useValue: unknown };
  asked: { data: Record<string, unknown> }[];
} {
  const asked: { data: Record<string, unknown> }[] = [];
  const useValue = {
    open: (_component: unknown, config: { data: Record<string, unknown> }) => {
      asked.push({ data: config.data });
      return { afterClosed: () => of(answer) };
    },
  };
  return { provider: { provide: MatDialog, useValue }, asked };
}
