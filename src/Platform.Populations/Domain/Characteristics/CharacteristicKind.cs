namespace Platform.Populations.Domain.Characteristics;

/// <summary>How a characteristic combines when areas are added together.</summary>
public enum CharacteristicKind
{
    /// <summary>A number of persons or households; adds up.</summary>
    Count,

    /// <summary>A fraction from 0 to 1 of its base; combines as the mean weighted by the base.</summary>
    Share,

    /// <summary>An average score per unit of its base; combines as the mean weighted by the base.</summary>
    MeanScore,
}
