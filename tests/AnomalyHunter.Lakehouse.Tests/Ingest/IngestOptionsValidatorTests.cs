using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class IngestOptionsValidatorTests
{
    [Fact]
    public void The_default_options_are_valid()
    {
        IngestOptionsValidator.Validate(new IngestOptions());
        IngestOptionsValidator.Validate(new IngestOptions { NaiveTimeZone = "America/New_York" });
    }

    public static TheoryData<string, string> BadOptions() => new()
    {
        { "ChunkRows=10", "Ingest:ChunkRows" },
        { "ChunkRows=5000000", "Ingest:ChunkRows" },
        { "NaiveTimeZone=Mars/Olympus", "Ingest:NaiveTimeZone" },
        { "NaiveTimeZone=", "Ingest:NaiveTimeZone" },
        { "MaxLabelLength=0", "Ingest:MaxLabelLength" },
        { "MaxFutureSkew=-1", "Ingest:MaxFutureSkew" },
        { "Layout=9", "Ingest:Layout" },
        { "TimestampFormat=9", "Ingest:TimestampFormat" },
        { "TimestampColumns=", "Ingest:TimestampColumns" },
        { "TenantColumn=", "Ingest:TenantColumn" },
        { "DefaultRegion=", "Ingest:DefaultRegion" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void An_invalid_setting_is_reported_by_its_configuration_key(string change, string setting)
    {
        var options = new IngestOptions();
        string value = change.Split('=')[1];
        switch (change.Split('=')[0])
        {
            case "ChunkRows": options.ChunkRows = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "NaiveTimeZone": options.NaiveTimeZone = value; break;
            case "MaxLabelLength": options.MaxLabelLength = 0; break;
            case "MaxFutureSkew": options.MaxFutureSkew = TimeSpan.FromSeconds(-1); break;
            case "Layout": options.Layout = (InputLayout)9; break;
            case "TimestampFormat": options.TimestampFormat = (TimestampFormat)9; break;
            case "TimestampColumns": options.TimestampColumns.Clear(); break;
            case "TenantColumn": options.TenantColumn = string.Empty; break;
            default: options.DefaultRegion = string.Empty; break;
        }

        var ex = Assert.Throws<IngestOptionsException>(() => IngestOptionsValidator.Validate(options));

        Assert.Equal(setting, ex.Setting);
        Assert.StartsWith(setting + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chunk_rows_message_states_the_allowed_range()
    {
        var ex = Assert.Throws<IngestOptionsException>(() => IngestOptionsValidator.Validate(new IngestOptions { ChunkRows = 1 }));

        Assert.Contains("1024..4194304", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_with_invalid_options_throws_before_any_chunk()
    {
        var options = new IngestOptions { NaiveTimeZone = "Nowhere/Special" };

        await Assert.ThrowsAsync<IngestOptionsException>(async () =>
        {
            await foreach (SourceChunk chunk in SourceFileReader.ReadAsync("/nonexistent.csv", options, TimeProvider.System, CancellationToken.None))
            {
                Assert.Fail("no chunk expected");
            }
        });
    }
}
