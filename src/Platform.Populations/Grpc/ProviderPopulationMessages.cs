using System.Globalization;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Provider.V1;

namespace Platform.Populations.Grpc;

/// <summary>The service's populations in the provider contract's messages.</summary>
internal static class ProviderPopulationMessages
{
    public static ResponsiblePopulation From(StoredPopulation stored, Responsibility responsibility, Domain.Profile? profile)
    {
        var p = stored.Definition;
        var message = new ResponsiblePopulation
        {
            PopulationId = p.Id.ToString(),
            Municipality = p.Municipality,
            Name = p.Name,
            Status = p.Status.ToString().ToLowerInvariant(),
            AgeFrom = p.TargetGroup.Ages.From,
            DiagnosisGroup = p.TargetGroup.DiagnosisGroup ?? "",
            ValidFrom = Date(p.Validity.From),
            ValidTo = Date(p.Validity.To),
            ResponsibleFrom = Date(responsibility.ValidFrom),
            ResponsibleTo = Date(responsibility.ValidTo),
        };
        if (p.TargetGroup.Ages.To is { } to)
        {
            message.AgeTo = to;
        }

        message.Areas.AddRange(p.Areas.Select(a => a.Value).Order(StringComparer.Ordinal));
        message.Laws.AddRange(p.TargetGroup.Laws.Order().Select(l => l.ToString()));
        message.CareForms.AddRange(p.TargetGroup.CareForms);
        if (profile is not null)
        {
            message.Profile = Profile(profile);
        }

        return message;
    }

    private static PopulationProfile Profile(Domain.Profile profile)
    {
        var message = new PopulationProfile { ReferenceDate = Date(profile.ReferenceDate), AgeEstimated = profile.AgeEstimated };
        if (profile.Inhabitants is { } inhabitants)
        {
            message.Inhabitants = inhabitants;
        }

        foreach (var (key, value) in profile.Characteristics)
        {
            message.Characteristics[key] = value is { } known ? new CharacteristicValue { Value = known } : new CharacteristicValue();
        }

        return message;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
