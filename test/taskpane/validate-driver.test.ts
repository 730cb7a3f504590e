/**
 * The driver form reads a typed parameter by the drivers table's one parameter rule (src/sheets): the
 * same text gives the same parameter in a cell of the table and in the form.
 */
import { checkDriver } from '../../taskpane/drivers/validate-driver';

describe('checkDriver parameters', () => {
  it('reads lists with ; , | or spaces for the discrete family, and one value as a list of one', () => {
    const check = checkDriver(
      {
        name: 'capex',
        distribution: 'discrete',
        params: { values: '0, 250000 | 1000000', probabilities: '0.6 0.3 0.1' },
      },
      [],
    );
    expect(check.errors).toEqual({});
    expect(check.params).toEqual({ values: [0, 250000, 1000000], probabilities: [0.6, 0.3, 0.1] });
    const one = checkDriver(
      { name: 'fixed', distribution: 'discrete', params: { values: '5', probabilities: '1' } },
      [],
    );
    expect(one.errors).toEqual({});
    expect(one.distribution?.quantile(0.5)).toBe(5);
  });

  it('refuses text and a list where one number is needed, next to the parameter', () => {
    const check = checkDriver({ name: 'price', distribution: 'normal', params: { mean: '1,300', sd: 'ten' } }, []);
    expect(check.errors).toEqual({
      mean: 'parameter "mean" takes one number; write it without thousands separators.',
      sd: 'parameter "sd" must be a number.',
    });
    expect(check.distribution).toBeNull();
  });
});
