namespace Platform.ProviderKit;

/// <summary>One line per check, "PASS", "FAIL" or "NOTE", then a count; a failure says what to change.</summary>
public sealed class KitReport(TextWriter output)
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public IList<string> Lines { get; } = [];

    public void Pass(string check, string what) => Write("PASS", check, what, () => Passed++);

    public void Fail(string check, string what) => Write("FAIL", check, what, () => Failed++);

    public void Note(string check, string what) => Write("NOTE", check, what, () => { });

    public void Summarise() => output.WriteLine($"{Passed} passed, {Failed} failed");

    private void Write(string verdict, string check, string what, Action count)
    {
        count();
        var line = $"{verdict}  {check,-12} {what}";
        Lines.Add(line);
        output.WriteLine(line);
    }
}
