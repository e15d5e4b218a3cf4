namespace Platform.Populations.Domain;

/// <summary>The law a population's care falls under.</summary>
public enum Law
{
    /// <summary>Wet maatschappelijke ondersteuning 2015: support for adults.</summary>
    Wmo,

    /// <summary>Jeugdwet: youth care.</summary>
    Jeugdwet,

    /// <summary>Participatiewet: work, income and social assistance.</summary>
    Participatiewet,
}
