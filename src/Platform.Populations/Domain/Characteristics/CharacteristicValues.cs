namespace Platform.Populations.Domain.Characteristics;

/// <summary>
/// The characteristics of one area at one reference date ("peildatum"). A value is null when it is unknown:
/// suppressed by CBS for privacy, or not in the source. Unknown is never stored as 0, because 0 would make
/// an area look smaller or poorer than it is and lower every sum it takes part in.
/// Shares are fractions from 0 to 1, not percentages.
/// </summary>
public sealed class CharacteristicValues
{
    private readonly double?[] values;

    /// <summary>Takes ownership of <paramref name="values"/>, indexed by <see cref="Characteristic.Index"/>.</summary>
    internal CharacteristicValues(double?[] values)
    {
        if (values.Length != Characteristic.All.Count)
        {
            throw new ArgumentException($"Expected {Characteristic.All.Count} values, got {values.Length}.", nameof(values));
        }

        this.values = values;
    }

    /// <summary>Every characteristic unknown.</summary>
    public static CharacteristicValues Unknown { get; } = new(new double?[Characteristic.All.Count]);

    public double? this[Characteristic characteristic] => values[characteristic.Index];

    /// <summary>The known values, by characteristic, in catalogue order.</summary>
    public IEnumerable<KeyValuePair<Characteristic, double>> Known
    {
        get
        {
            foreach (var characteristic in Characteristic.All)
            {
                if (values[characteristic.Index] is { } value)
                {
                    yield return new(characteristic, value);
                }
            }
        }
    }

    /// <summary>Values for the given characteristics; the others are unknown. Rejects impossible values.</summary>
    public static CharacteristicValues Of(params IEnumerable<KeyValuePair<Characteristic, double?>> values)
    {
        var array = new double?[Characteristic.All.Count];
        foreach (var (characteristic, value) in values)
        {
            if (value is { } known && Problem(characteristic, known) is { } problem)
            {
                throw new ArgumentOutOfRangeException(nameof(values), known, problem);
            }

            array[characteristic.Index] = value;
        }

        return new CharacteristicValues(array);
    }

    /// <summary>Values by characteristic key, as stored; an unknown key is an error rather than silently dropped.</summary>
    public static CharacteristicValues FromKeys(IEnumerable<KeyValuePair<string, double?>> values) =>
        Of(values.Select(pair => new KeyValuePair<Characteristic, double?>(Characteristic.Find(pair.Key), pair.Value)));

    /// <summary>Why <paramref name="value"/> cannot be a value of <paramref name="characteristic"/>, or null when it can.</summary>
    public static string? Problem(Characteristic characteristic, double value) => characteristic.Kind switch
    {
        _ when !double.IsFinite(value) => $"{characteristic.Key} must be a finite number.",
        CharacteristicKind.Count when value < 0 => $"{characteristic.Key} is a count and cannot be negative ({value}).",
        CharacteristicKind.Share when value is < 0 or > 1 => $"{characteristic.Key} is a share and must lie between 0 and 1 ({value}).",
        _ => null,
    };
}
