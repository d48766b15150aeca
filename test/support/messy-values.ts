// Small messy datasets shared by integration and end-to-end tests, so both check the same data:
// a CSV whose every profile figure is known, and city spellings that cluster in known ways.

/** 16 rows × 6 columns: numbers, dates, names, codes and flags with known nulls, blanks, outliers and variants. */
export const PROFILE_KNOWN_CSV = [
  'id,amount,joined,name,code,flag',
  '1,1,2024-01-01,Ann,123-45-6789,yes',
  '2,2,2024-01-02,ann,123-45-6780,no',
  '3,3,2024-01-03,ANN,987-65-4321,yes',
  '4,4,2024-01-04,Bob,555-12-3456,yes',
  '5,5,2024-01-05, Bob,555-12-3457,no',
  '6,6,2024-01-06,Bob ,AB-12,yes',
  '7,7,2024-01-07,Carl  Smith,AB-13,yes',
  '8,8,2024-01-08,carl smith,ab-14,no',
  '9,9,2024-01-09,"Smith, Carl",12345,yes',
  '10,100,2024-01-10,Dora,,',
  '11,2.5,03/04/2024,Dora,,maybe',
  '12,abc,2024-02-30,Eve,x,yes',
  '13,N/A,,Eve,x,yes',
  '14,,2024-01-14,,x,yes',
  '15, ,2024-01-15,Zoë,x,no',
  '16,-50,2024-01-16,zoe,x,yes',
  '',
].join('\n');

/** City spellings: New York (10 rows, 5 variants), Paris (7 rows, 3 variants), London ×2, Lyon. */
export const MESSY_CITIES: readonly string[] = [
  ...Array<string>(5).fill('New York'),
  'new york ',
  'new york ',
  'New-York',
  'NEW YORK',
  'Nwe York',
  ...Array<string>(3).fill('Paris'),
  ...Array<string>(3).fill('paris'),
  'Pariss',
  'London',
  'London',
  'Lyon',
];
