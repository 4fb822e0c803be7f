import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';
import { provideNavigationFocus } from './navigation-focus';

@Component({
  selector: 'all-first-page',
  template: '<h1>Première page</h1><a id="go">Aller</a>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FirstPage {}

@Component({ selector: 'all-second-page', template: '<h1>Seconde page</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class SecondPage {}

@Component({
  selector: 'all-shell',
  imports: [RouterOutlet],
  template: '<main><router-outlet /></main>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Shell {}

describe('NavigationFocus', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: FirstPage },
          { path: 'second', component: SecondPage },
        ]),
        provideNavigationFocus(),
      ],
    });
  });

  it('leaves focus alone on the first page, then moves it to the heading of each new page', async () => {
    const fixture = TestBed.createComponent(Shell);
    document.body.appendChild(fixture.nativeElement);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    await fixture.whenStable();
    expect(document.activeElement).toBe(document.body);

    await router.navigateByUrl('/second');
    await fixture.whenStable();

    const heading = (fixture.nativeElement as HTMLElement).querySelector('h1');
    expect(heading?.textContent).toBe('Seconde page');
    expect(document.activeElement).toBe(heading);
    expect(heading?.getAttribute('tabindex')).toBe('-1');
    fixture.nativeElement.remove();
  });
});
