using Platform.Populations.Domain;
using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Import;

/// <summary>An area read from a CBS file; <see cref="LineNumber"/> is the 1-based line in the file (the header is line 1).</summary>
public sealed record CbsAreaRow(AreaCode Code, string Name, string MunicipalityName, CharacteristicValues Values, int LineNumber);

/// <summary>A row that was not imported and why; <see cref="RawCode"/> is the code as found, trimmed, when there was one.</summary>
public sealed record RejectedRow(int LineNumber, string? RawCode, string Reason);

/// <summary>
/// What a CBS file held: the accepted areas, every rejected row with its reason, the number of rows skipped
/// on purpose (the national total), the characteristics no column supplied (unknown in every row), and the
/// columns that map to no characteristic.
/// </summary>
public sealed record CbsReadResult(
    IReadOnlyList<CbsAreaRow> Rows,
    IReadOnlyList<RejectedRow> Rejected,
    int SkippedRows,
    IReadOnlyList<Characteristic> MissingCharacteristics,
    IReadOnlyList<string> IgnoredColumns);
