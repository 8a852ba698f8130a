namespace Radiomics.Habitats.Clustering;

/// <summary>Validation of estimator settings with one message format.</summary>
internal static class SettingCheck
{
    public static void Require(bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            throw new ClusteringException(ClusteringProblem.InvalidSetting, $"{name} is {value}; {rule}.", name);
        }
    }
}
