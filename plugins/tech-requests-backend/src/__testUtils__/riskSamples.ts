import { assessRisk, RiskAnswers } from '../assessment/risk';

/** Answers that add no points under the default policy. */
export function answers(overrides: Partial<RiskAnswers> = {}): RiskAnswers {
  return {
    dataClassification: 'public',
    handlesPersonalData: false,
    hosting: 'on-premises',
    signIn: 'company-account',
    dataLocation: 'eu',
    vendorCertifications: [],
    ...overrides,
  };
}

export const ruleIdsAndPoints = (overrides: Partial<RiskAnswers>) => {
  const result = assessRisk(answers(overrides));
  return {
    points: result.points,
    findings: result.findings.map(f => [
      f.ruleId,
      f.severity,
      f.message,
      f.evidence,
    ]),
  };
};
