/**
 * The chronic conditions a health record (健康档案) can list, in the order a record stores them; the
 * registry's `ChronicCondition` schema accepts these codes and the seed draws from them.
 */
export const CHRONIC_CONDITIONS = [
  'hypertension',
  'diabetes',
  'coronary_heart_disease',
  'copd',
  'stroke',
  'severe_mental_disorder',
  'tuberculosis',
  'chronic_kidney_disease',
  'cancer',
] as const;
