namespace Radiomics.Longitudinal.Registration;

/// <summary>Which registration a Jacobian volume change was measured on (<see cref="JacobianVolumeChange"/>).</summary>
public enum JacobianMap
{
    /// <summary>Follow-up fixed, baseline moving (the study's registration), over the follow-up mask.</summary>
    FollowUpToBaseline,

    /// <summary>Baseline fixed, follow-up moving (a second registration for a growing tumour), over the baseline mask.</summary>
    BaselineToFollowUp,
}
