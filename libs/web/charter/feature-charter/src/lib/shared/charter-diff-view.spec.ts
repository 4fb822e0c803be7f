import { TestBed } from '@angular/core/testing';
import type { CharterDiff } from '@alliances/shared/contracts';
import { charterTranslocoTesting } from '../../testing/charter-testing';
import { CharterDiffView } from './charter-diff-view';

const DIFF: CharterDiff = {
  from: 1,
  to: 2,
  sections: [
    {
      key: 'context',
      title: 'Contexte et diagnostic partagé',
      changed: false,
      parts: [{ kind: 'same', text: 'Le quartier manque de jardins.' }],
    },
    {
      key: 'governance',
      title: 'Gouvernance',
      changed: true,
      parts: [
        { kind: 'same', text: 'Un comité de pilotage.' },
        { kind: 'removed', text: 'Il se réunit chaque année.' },
        { kind: 'added', text: 'Il se réunit chaque trimestre.' },
      ],
    },
  ],
};

describe('CharterDiffView', () => {
  it('says which lines were added and removed in words, and which sections did not change', async () => {
    TestBed.configureTestingModule({ imports: [charterTranslocoTesting()] });
    const fixture = TestBed.createComponent(CharterDiffView);
    fixture.componentRef.setInput('diff', DIFF);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('[data-testid="diff-context"]')?.textContent).toContain('Section inchangée.');
    const governance = el.querySelector('[data-testid="diff-governance"]');
    expect(governance?.querySelector('del')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('supprimé Il se réunit chaque année.');
    expect(governance?.querySelector('ins')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('ajouté Il se réunit chaque trimestre.');
    expect(governance?.textContent).toContain('Un comité de pilotage.');
  });
});
