using Platform.Populations.Domain;
using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Import;

/// <summary>Checks and converts the data rows of one CBS file, collecting accepted and rejected rows.</summary>
internal sealed class CbsRowParser
{
    private const string NationalTotal = "NL00";

    private readonly CbsHeader header;
    private readonly FieldSpan[] fields;
    private readonly HashSet<string>? allowedMunicipalities;
    private readonly Dictionary<string, int> firstLineOfCode = new(StringComparer.Ordinal);
    private readonly List<CbsAreaRow> rows = [];
    private readonly List<RejectedRow> rejected = [];
    private int skipped;

    // Consecutive rows share a municipality name; reusing the string saves an allocation per row.
    private string lastMunicipalityName = string.Empty;

    public CbsRowParser(string headerLine, IReadOnlySet<string>? allowedMunicipalities)
    {
        var headerFields = new FieldSpan[256];
        var count = SemicolonFields.Split(headerLine, headerFields);
        if (count < 0 || count > headerFields.Length)
        {
            throw new CbsFileException(count < 0
                ? "The header row has a quoted column name that is not closed."
                : $"The header row has {count} columns; at most {headerFields.Length} are supported.");
        }

        var names = headerFields[..count].Select(f => SemicolonFields.String(headerLine, f).Trim('\uFEFF', ' ')).ToList();
        header = CbsHeader.Resolve(names);

        // One spare slot, so that a row with too many fields is told apart from one with exactly enough.
        fields = new FieldSpan[header.FieldCount + 1];
        this.allowedMunicipalities = allowedMunicipalities is null
            ? null
            : new HashSet<string>(allowedMunicipalities.Select(m => m.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public void Parse(string line, int lineNumber)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var count = SemicolonFields.Split(line, fields);
        var rawCode = header.Code < Math.Min(count, fields.Length) ? SemicolonFields.String(line, fields[header.Code]) : null;
        if (count < 0)
        {
            Reject(lineNumber, null, "a quoted field is not closed on this line");
            return;
        }

        if (count != header.FieldCount)
        {
            Reject(lineNumber, rawCode, $"has {count} fields where the header has {header.FieldCount}");
            return;
        }

        if (string.Equals(rawCode, NationalTotal, StringComparison.OrdinalIgnoreCase))
        {
            skipped++;
            return;
        }

        if (!AreaCode.TryParse(rawCode, out var code, out var error))
        {
            Reject(lineNumber, rawCode, error ?? "invalid area code");
            return;
        }

        if (LevelProblem(SemicolonFields.Text(line, fields[header.Level]).Trim(), code) is { } levelProblem)
        {
            Reject(lineNumber, rawCode, levelProblem);
            return;
        }

        if (allowedMunicipalities is not null && !allowedMunicipalities.Contains(code.Municipality))
        {
            Reject(lineNumber, rawCode, $"belongs to municipality {code.Municipality}, not one you may import for");
            return;
        }

        if (!firstLineOfCode.TryAdd(code.Value, lineNumber))
        {
            Reject(lineNumber, rawCode, $"{code} already appeared on line {firstLineOfCode[code.Value]}");
            return;
        }

        var values = new double?[Characteristic.All.Count];
        foreach (var column in header.Values)
        {
            if (ValueProblem(SemicolonFields.Text(line, fields[column.Position]), column, values) is { } valueProblem)
            {
                Reject(lineNumber, rawCode, valueProblem);
                return;
            }
        }

        var name = SemicolonFields.String(line, fields[header.Name]);
        rows.Add(new CbsAreaRow(code, name, MunicipalityName(line), new CharacteristicValues(values), lineNumber));
    }

    public CbsReadResult Result() => new(rows, rejected, skipped, header.Missing, header.Ignored);

    private static string? LevelProblem(ReadOnlySpan<char> level, AreaCode code)
    {
        AreaLevel? stated =
            level.Equals("Gemeente", StringComparison.OrdinalIgnoreCase) ? AreaLevel.Municipality
            : level.Equals("Wijk", StringComparison.OrdinalIgnoreCase) ? AreaLevel.District
            : level.Equals("Buurt", StringComparison.OrdinalIgnoreCase) ? AreaLevel.Neighbourhood
            : null;
        return stated is null ? $"{CbsColumns.Level} '{level}' is not Gemeente, Wijk or Buurt"
            : stated != code.Level ? $"{CbsColumns.Level} is '{level}' but {code} is a {code.Level.ToString().ToLowerInvariant()} code"
            : null;
    }

    private static string? ValueProblem(ReadOnlySpan<char> text, CbsValueColumn column, double?[] values)
    {
        if (!SemicolonFields.TryParseNumber(text, out var parsed))
        {
            return $"{column.ColumnName} has '{text.Trim()}', which is not a number";
        }

        if (parsed is not { } value)
        {
            return null;
        }

        var characteristic = column.Column.Characteristic;
        if (column.Column.Unit == CbsUnit.Percent)
        {
            if (value is < 0 or > 100)
            {
                return $"{column.ColumnName} is a percentage but has {value}, outside 0 to 100";
            }

            value /= 100;
        }
        else if (characteristic.Kind == CharacteristicKind.Count && value < 0)
        {
            return $"{column.ColumnName} is a count but has a negative value, {value}";
        }

        values[characteristic.Index] = value;
        return null;
    }

    private string MunicipalityName(ReadOnlySpan<char> line)
    {
        if (header.MunicipalityName is not { } position)
        {
            return string.Empty;
        }

        var field = fields[position];
        if (field.HasEscapedQuotes || !SemicolonFields.Text(line, field).Trim().SequenceEqual(lastMunicipalityName))
        {
            lastMunicipalityName = SemicolonFields.String(line, field);
        }

        return lastMunicipalityName;
    }

    private void Reject(int lineNumber, string? rawCode, string reason) =>
        rejected.Add(new RejectedRow(lineNumber, string.IsNullOrEmpty(rawCode) ? null : rawCode, reason));
}
