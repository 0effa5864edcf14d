using System.Collections;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>A fixed-length view of a file's key table: entries below <see cref="Count"/> never change, so chunks can be read on other threads while the table grows.</summary>
internal sealed class SeriesKeyTableView(SeriesKey[] items, int count) : IReadOnlyList<SeriesKey>
{
    public int Count { get; } = count;

    public SeriesKey this[int index] => (uint)index < (uint)Count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<SeriesKey> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
