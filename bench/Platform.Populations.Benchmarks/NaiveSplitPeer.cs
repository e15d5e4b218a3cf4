using System.Globalization;

namespace Platform.Populations.Benchmarks;

/// <summary>
/// The peer: what a first attempt at the file would do, splitting each line with string.Split and
/// parsing every field as a number. It checks nothing, so it is a floor to compare against, not a rival.
/// </summary>
internal static class NaiveSplitPeer
{
    public static int Read(string text)
    {
        using var reader = new StringReader(text);
        reader.ReadLine();
        var rows = 0;
        while (reader.ReadLine() is { } line)
        {
            foreach (var field in line.Split(';'))
            {
                _ = double.TryParse(field.Trim('"', ' ').Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            }

            rows++;
        }

        return rows;
    }
}
