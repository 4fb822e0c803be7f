import { FormControl, Validators } from '@angular/forms';
import { fieldError } from './field-error';

describe('fieldError', () => {
  it('names the governance message of a control’s first error, with its length', () => {
    const control = new FormControl('a', [Validators.minLength(2)]);
    expect(fieldError(control)).toEqual({ key: 'governance.validation.minlength', params: { length: 2 } });
    control.setErrors({ reasonRequired: true });
    expect(fieldError(control)?.key).toBe('governance.validation.reasonRequired');
    control.setErrors({ somethingElse: true });
    expect(fieldError(control)?.key).toBe('governance.validation.invalid');
    expect(fieldError(new FormControl('ok'))).toBeNull();
  });
});
