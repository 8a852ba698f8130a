namespace Radiomics.Longitudinal.Pipeline;

/// <summary>A subject or study cannot be processed as asked (e.g. a follow-up without a mask while registration is off).</summary>
public sealed class StudyException(string message, Exception? inner = null) : RadiomicsException(message, inner);
