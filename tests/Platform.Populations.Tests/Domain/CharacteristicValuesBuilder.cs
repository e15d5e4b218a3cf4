using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Tests.Domain;

/// <summary>Short construction of values in tests: <c>Values((Characteristic.Inhabitants, 100))</c>.</summary>
internal static class CharacteristicValuesBuilder
{
    public static CharacteristicValues Values(params (Characteristic Characteristic, double? Value)[] values) =>
        CharacteristicValues.Of(values.Select(v => KeyValuePair.Create(v.Characteristic, v.Value)));
}
