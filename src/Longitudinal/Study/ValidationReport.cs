namespace Radiomics.Longitudinal.Study;

/// <summary>Every problem found in a study, so a user can fix them all at once rather than one run at a time.</summary>
public sealed class ValidationReport
{
    public ValidationReport(IEnumerable<StudyProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems.OrderBy(p => p.Line).ThenBy(p => p.Subject, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<StudyProblem> Problems { get; }

    public IEnumerable<StudyProblem> Errors => Problems.Where(p => p.Severity == StudyProblemSeverity.Error);

    public IEnumerable<StudyProblem> Warnings => Problems.Where(p => p.Severity == StudyProblemSeverity.Warning);

    public bool HasErrors => Errors.Any();

    /// <summary>Subjects with at least one error; the others can run (<c>--keep-going</c>).</summary>
    public IReadOnlySet<string> FailedSubjects => Errors.Where(p => p.Subject is not null).Select(p => p.Subject!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The subjects of <paramref name="cohort"/> without errors.</summary>
    public Cohort ValidPart(Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var failed = FailedSubjects;
        return new Cohort(cohort.Subjects.Where(s => !failed.Contains(s.Id)).ToList());
    }

    public ValidationReport Merge(ValidationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ValidationReport(Problems.Concat(other.Problems));
    }

    public override string ToString() =>
        Problems.Count == 0 ? "no problems found" : string.Join(Environment.NewLine, Problems.Select(p => p.ToString()));
}
