using System.Globalization;
using System.Text;
using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class ValueParserTests
{
    [Fact]
    public void The_fast_decimal_path_gives_exactly_what_double_parse_gives()
    {
        var random = new Random(2026);
        for (int i = 0; i < 200_000; i++)
        {
            int digits = random.Next(1, 19);
            var text = new StringBuilder(random.Next(4) == 0 ? "-" : string.Empty);
            int point = random.Next(0, digits + 1);
            for (int d = 0; d < digits; d++)
            {
                if (d == point && d > 0)
                {
                    text.Append('.');
                }

                text.Append((char)('0' + random.Next(10)));
            }

            string s = text.ToString();
            Assert.Equal(ValueStatus.Ok, ValueParser.Parse(Encoding.UTF8.GetBytes(s), out double parsed));
            Assert.Equal(double.Parse(s, CultureInfo.InvariantCulture), parsed);
        }
    }

    [Theory]
    [InlineData(" 12.5 ", "Ok", 12.5)]
    [InlineData("+3", "Ok", 3.0)]
    [InlineData("1e3", "Ok", 1000.0)]
    [InlineData(".5", "Ok", 0.5)]
    [InlineData("", "Empty", 0.0)]
    [InlineData("NaN", "NonFinite", 0.0)]
    [InlineData("-inf", "NonFinite", 0.0)]
    [InlineData("Infinity", "NonFinite", 0.0)]
    [InlineData("1.#QNAN", "NonFinite", 0.0)]
    [InlineData("1,5", "Unparseable", 0.0)]
    [InlineData("-", "Unparseable", 0.0)]
    [InlineData("1.2.3", "Unparseable", 0.0)]
    public void Value_fields_are_classified(string text, string expectedStatus, double value)
    {
        var expected = Enum.Parse<ValueStatus>(expectedStatus);
        ValueStatus status = ValueParser.Parse(Encoding.UTF8.GetBytes(text), out double parsed);

        Assert.Equal(expected, status);
        if (expected == ValueStatus.Ok)
        {
            Assert.Equal(value, parsed);
        }
    }
}
