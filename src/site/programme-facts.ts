/**
 * Official figures of the programme as published (docs/programme.md). They are facts
 * about the whole programme, not computed from this site's data, and are shown as such.
 */
export interface OfficialFigure {
  value: number;
  /** Key of the label in siteStrings. */
  label:
    | 'factRegional2012'
    | 'factNational2012'
    | 'factProvince2022'
    | 'factDistrict2022'
    | 'factTargetRegional'
    | 'factTargetNational'
    | 'factNational2021'
    | 'factNational2023';
}

export const OFFICIAL_FIGURES: readonly OfficialFigure[] = [
  { value: 512, label: 'factNational2012' },
  { value: 1632, label: 'factRegional2012' },
  { value: 5486, label: 'factProvince2022' },
  { value: 2934, label: 'factDistrict2022' },
  { value: 700, label: 'factTargetNational' },
  { value: 1300, label: 'factTargetRegional' },
  { value: 200, label: 'factNational2021' },
  { value: 173, label: 'factNational2023' },
];

/** Applications to the 2023 national round (173 of them were certified). */
export const NATIONAL_2023_APPLICATIONS = 441;
export const PASS_MARK = 70;
export const MAX_SCORE = 100;
