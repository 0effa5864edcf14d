using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>Verdict ids: a hash of the anomaly window's identity and state, so rerunning an investigation writes the same rows once.</summary>
public static class VerdictIds
{
    /// <summary>The id of the verdict on this state of the window (a window that grows gets a new verdict).</summary>
    public static string For(AnomalyRecord a)
    {
        string identity = string.Create(CultureInfo.InvariantCulture, $"{a.AnomalyId}|{a.StartTsMs}|{a.EndTsMs}|{a.PeakScore:R}|{a.PointCount}");
        return "vd-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }
}
