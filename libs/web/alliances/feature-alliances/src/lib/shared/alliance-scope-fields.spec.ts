import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { DOMAINS, type InnovationStage, type TerritorialScale, type Territory } from '@alliances/shared/contracts';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { translocoWithAlliances } from '../../testing/alliances-testing';
import { AllianceScopeFields } from './alliance-scope-fields';
import { territoryOf } from './alliance-form';

@Component({
  selector: 'all-scope-host',
  imports: [AllianceScopeFields],
  template: `<all-alliance-scope-fields [group]="form" testIdPrefix="edit-" [otherDomains]="['Mobilité douce']" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ScopeHost {
  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    name: ['Covoiturage solidaire'],
    domains: this.fb.control<string[]>([]),
    scale: this.fb.control<TerritorialScale>('local'),
    territories: this.fb.control<Territory[]>([territoryOf({ code: '69123', name: 'Lyon' })]),
    territoryQuery: this.fb.control(''),
    innovationStage: this.fb.control<InnovationStage | ''>(''),
  });
}

describe('AllianceScopeFields', () => {
  it('shows the scope of the parent form under the given ids, and adds and removes territories', async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({ imports: [translocoWithAlliances()], providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(ScopeHost);
    fixture.detectChanges();
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

    for (const id of [
      'edit-alliance-domains',
      `edit-domain-${DOMAINS[0]}`,
      'edit-alliance-scale',
      'edit-alliance-stage',
      'edit-alliance-territory-input',
    ])
      expect(byTestId(id)).not.toBeNull();
    expect(byTestId('edit-alliance-domains')?.textContent).toContain('Mobilité douce');
    expect(byTestId('edit-alliance-territory')?.textContent).toContain('Lyon (69123)');
    expect(el.querySelector('#edit-domains-legend')).not.toBeNull();

    // Choosing a domain goes into the parent's form.
    (byTestId(`edit-domain-${DOMAINS[0]}`)?.querySelector('[role="option"]') as HTMLElement).click();
    fixture.detectChanges();
    expect(fixture.componentInstance.form.controls.domains.value).toEqual([DOMAINS[0]]);

    // Typing asks the territory referential, after a pause.
    const input = byTestId('edit-alliance-territory-input') as HTMLInputElement;
    input.value = 'Rh';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    TestBed.inject(HttpTestingController)
      .expectOne((r) => r.url === '/api/territories' && r.params.get('q') === 'Rh')
      .flush([{ code: '69', name: 'Rhône', kind: 'departement' }]);
    TestBed.inject(HttpTestingController).verify();

    // Removing the chip takes the territory out of the parent's form.
    (byTestId('edit-alliance-territory')?.querySelector('button') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(fixture.componentInstance.form.controls.territories.value).toEqual([]);
    expect(byTestId('edit-alliance-territory')).toBeNull();
  });
});
