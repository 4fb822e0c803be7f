import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { commentsTranslocoTesting } from '../../testing/comments-testing';
import { CommentComposer, type ComposerValue } from './comment-composer';

describe('CommentComposer', () => {
  it('suggests people on "@" and puts the chosen ids in mentions', async () => {
    TestBed.configureTestingModule({
      imports: [commentsTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CommentComposer);
    fixture.componentRef.setInput('allianceId', 'a1');
    let sent: ComposerValue | undefined;
    fixture.componentInstance.submitted.subscribe((v) => (sent = v));
    fixture.detectChanges();
    const area = fixture.nativeElement.querySelector('[data-testid="comment-input"]') as HTMLTextAreaElement;
    area.focus();
    area.dispatchEvent(new Event('focusin'));
    area.value = 'Merci @Cam';
    area.setSelectionRange(10, 10);
    area.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 200));
    const req = http.expectOne((r) => r.url === '/api/comments/mentionable');
    expect(req.request.params.get('q')).toBe('Cam');
    req.flush([{ userId: 'u-camille', displayName: 'Camille Martin', organisationName: 'Les Jardins' }]);
    await fixture.whenStable();
    fixture.detectChanges();
    const option = document.querySelector('mat-option') as HTMLElement;
    expect(option?.textContent).toContain('Camille Martin (Les Jardins)');
    option.click();
    fixture.detectChanges();
    expect(area.value).toBe('Merci @Camille Martin ');
    (fixture.nativeElement.querySelector('[data-testid="comment-submit"]') as HTMLButtonElement).click();
    expect(sent).toEqual({ body: 'Merci @Camille Martin', mentions: ['u-camille'] });
  });
});
