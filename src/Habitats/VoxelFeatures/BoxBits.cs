using System.Numerics;
using Radiomics.Features.Texture;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// A kernel box of w³ voxels as the bits of one integer (bit i = kx + w·(ky + w·kz); <c>ulong</c> for w = 3,
/// <c>UInt128</c> for w = 5): moving a set of box voxels one step along a direction or growing it by its 26 neighbours
/// is a few shifts and masks, so runs and zones of a level are found without visiting voxels.
/// </summary>
internal sealed class BoxBits<T>
    where T : struct, IBinaryInteger<T>
{
    private readonly int _w;
    private readonly T _full;
    private readonly T _notFirstX;
    private readonly T _notLastX;
    private readonly T _notFirstY;
    private readonly T _notLastY;
    private readonly int[] _shift;
    private readonly T[] _forward;
    private readonly T[] _back;

    /// <param name="w">Box width 2r + 1, with w³ no larger than the bits of T.</param>
    /// <param name="distance">Step δ of the 13 run directions (<see cref="TextureDirections.Volumetric"/> times δ).</param>
    public BoxBits(int w, int distance)
    {
        _w = w;
        var directions = TextureDirections.Volumetric;
        _shift = new int[directions.Count];
        _forward = new T[directions.Count];
        _back = new T[directions.Count];
        for (int d = 0; d < directions.Count; d++)
        {
            var o = directions[d].Times(distance);
            _shift[d] = o.X + (w * (o.Y + (w * o.Z)));
        }

        for (int i = 0; i < w * w * w; i++)
        {
            int x = i % w, y = i / w % w, z = i / (w * w);
            var bit = T.One << i;
            _full |= bit;
            _notFirstX |= x > 0 ? bit : T.Zero;
            _notLastX |= x < w - 1 ? bit : T.Zero;
            _notFirstY |= y > 0 ? bit : T.Zero;
            _notLastY |= y < w - 1 ? bit : T.Zero;
            for (int d = 0; d < directions.Count; d++)
            {
                var o = directions[d].Times(distance);
                _forward[d] |= Inside(x - o.X, y - o.Y, z - o.Z) ? bit : T.Zero;
                _back[d] |= Inside(x + o.X, y + o.Y, z + o.Z) ? bit : T.Zero;
            }
        }
    }

    /// <summary>The number of run directions (13).</summary>
    public int Directions => _shift.Length;

    /// <summary>The voxels q of the box with q − δ·d in <paramref name="set"/>.</summary>
    public T Forward(T set, int d) => (_shift[d] >= 0 ? set << _shift[d] : set >>> -_shift[d]) & _forward[d];

    /// <summary>The voxels q of the box with q + δ·d in <paramref name="set"/>.</summary>
    public T Back(T set, int d) => (_shift[d] >= 0 ? set >>> _shift[d] : set << -_shift[d]) & _back[d];

    /// <summary><paramref name="set"/> and its 26 neighbours in the box (Chebyshev dilation, separable along x, y, z).</summary>
    public T Dilate(T set)
    {
        var x = set | ((set << 1) & _notFirstX) | ((set >>> 1) & _notLastX);
        var y = x | ((x << _w) & _notFirstY) | ((x >>> _w) & _notLastY);
        return y | ((y << (_w * _w)) & _full) | (y >>> (_w * _w));
    }

    private bool Inside(int x, int y, int z) => (uint)x < (uint)_w && (uint)y < (uint)_w && (uint)z < (uint)_w;
}
