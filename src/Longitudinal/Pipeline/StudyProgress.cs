namespace Radiomics.Longitudinal.Pipeline;

/// <summary>Progress of a study: which subject and step, and how far the cohort is (subjects done of total).</summary>
public readonly record struct StudyProgress(string Subject, string Step, int SubjectsDone, int SubjectCount, double StepFraction);
