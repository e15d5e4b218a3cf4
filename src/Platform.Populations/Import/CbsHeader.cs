using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Import;

/// <summary>A characteristic column found in the header: where it is and how to read it.</summary>
internal sealed record CbsValueColumn(int Position, string ColumnName, CbsColumn Column);

/// <summary>The header of a CBS file resolved to field positions, matched on stem.</summary>
internal sealed class CbsHeader
{
    private CbsHeader(int fieldCount, int code, int level, int name, int? municipalityName, CbsValueColumn[] values, string[] ignored)
    {
        FieldCount = fieldCount;
        Code = code;
        Level = level;
        Name = name;
        MunicipalityName = municipalityName;
        Values = values;
        Ignored = ignored;
    }

    public int FieldCount { get; }

    public int Code { get; }

    public int Level { get; }

    public int Name { get; }

    public int? MunicipalityName { get; }

    // An array, so that the per-row loop over it does not allocate an enumerator.
    public CbsValueColumn[] Values { get; }

    public IReadOnlyList<string> Ignored { get; }

    public IReadOnlyList<Characteristic> Missing =>
        Characteristic.All.Where(c => !Values.Any(v => v.Column.Characteristic == c)).ToList();

    /// <summary>Resolves the column names; throws <see cref="CbsFileException"/> naming what is wrong.</summary>
    public static CbsHeader Resolve(IReadOnlyList<string> columnNames)
    {
        var positions = new Dictionary<string, (int Position, string Name)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columnNames.Count; i++)
        {
            var columnName = columnNames[i];
            var stem = CbsColumns.Stem(columnName);
            if (!positions.TryAdd(stem, (i, columnName)))
            {
                throw new CbsFileException($"Columns '{positions[stem].Name}' and '{columnName}' have the same name apart from the number; it is unclear which to read.");
            }
        }

        int Required(string stem) => positions.TryGetValue(stem, out var found)
            ? found.Position
            : throw new CbsFileException($"The required column '{stem}' (with or without a _number suffix) is missing from the header.");

        var code = Required(CbsColumns.Code);
        var level = Required(CbsColumns.Level);
        var name = Required(CbsColumns.Name);
        int? municipalityName = positions.TryGetValue(CbsColumns.MunicipalityName, out var m) ? m.Position : null;

        var values = new List<CbsValueColumn>();
        foreach (var column in CbsColumns.Characteristics)
        {
            if (!positions.TryGetValue(column.Stem, out var found))
            {
                continue;
            }

            if (values.Find(v => v.Column.Characteristic == column.Characteristic) is { } other)
            {
                throw new CbsFileException($"Columns '{other.ColumnName}' and '{found.Name}' both give {column.Characteristic.Key}; keep one of them.");
            }

            values.Add(new CbsValueColumn(found.Position, found.Name, column));
        }

        var used = new HashSet<int>(values.Select(v => v.Position)) { code, level, name };
        if (municipalityName is { } position)
        {
            used.Add(position);
        }

        var ignored = columnNames.Where((_, i) => !used.Contains(i)).ToArray();
        return new CbsHeader(columnNames.Count, code, level, name, municipalityName, [.. values], ignored);
    }
}
