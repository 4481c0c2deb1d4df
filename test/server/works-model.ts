/**
 * A steel mill supplies a bolt works; a nut works; two periods, 100 labour each, nothing stored.
 * Labour per set of a bolt and a nut: 1.5 + 0.5 × 1 (steel) + 1 = 3, so 100/3 sets a year. The
 * service's execution tests use it on SQLite, and on PostgreSQL with one node and with two.
 */
export const WORKS_MODEL = `
name: Works in two years
periods: ['1', '2']
products:
  - { id: steel, unit: t, storable: false }
  - { id: bolt, unit: thousand, storable: false }
  - { id: nut, unit: thousand, storable: false }
resources:
  - { id: labour, unit: person-year, available: 100 }
techniques:
  - { id: steel_shop, produces: { steel: 1 }, uses: { labour: 1 }, enterprise: steel-mill }
  - { id: bolt_shop, produces: { bolt: 1 }, consumes: { steel: 0.5 }, uses: { labour: 1.5 }, enterprise: bolt-works }
  - { id: nut_shop, produces: { nut: 1 }, uses: { labour: 1 }, enterprise: nut-works }
targets:
  - { product: bolt, amount: 1 }
  - { product: nut, amount: 1 }
`;
