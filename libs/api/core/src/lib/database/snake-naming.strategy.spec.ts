import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();
  it('names tables and columns in snake_case', () => {
    expect(naming.tableName('CharterVersion', undefined)).toBe('charter_version');
    expect(naming.tableName('CharterVersion', 'charter_versions')).toBe('charter_versions');
    expect(naming.columnName('createdAt', undefined, [])).toBe('created_at');
    expect(naming.columnName('amount', undefined, ['budget'])).toBe('budget_amount');
    expect(naming.joinColumnName('organisation', 'id')).toBe('organisation_id');
  });
});
