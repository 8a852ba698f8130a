using System.Numerics;
using Radiomics.Features.Texture;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// A kernel box of w × w × w_z voxels as the bits of one integer (bit i = kx + w·(ky + w·kz); <c>ulong</c> up to 64
/// voxels, <c>UInt128</c> up to 128): moving a set of box voxels one step along a direction or growing it by its
/// neighbours is a few shifts and masks, so runs and zones of a level are found without visiting voxels.
/// </summary>
internal sealed class BoxBits<T>
    where T : struct, IBinaryInteger<T>
{
    private readonly int _w;
    private readonly bool _inPlane;
    private readonly T _full;
    private readonly T _notFirstX;
    private readonly T _notLastX;
    private readonly T _notFirstY;
    private readonly T _notLastY;
    private readonly int[] _shift;
    private readonly T[] _forward;
    private readonly T[] _back;

    /// <param name="w">Box width 2r + 1 along x and y.</param>
    /// <param name="wz">Box depth along z (1 for a 2D kernel), with w² · w_z no larger than the bits of T.</param>
    /// <param name="steps">The run steps (directions times δ).</param>
    /// <param name="inPlane">Whether <see cref="Dilate"/> stays in the slice (8-connected zones) rather than 26-connected.</param>
    public BoxBits(int w, int wz, IReadOnlyList<VoxelOffset> steps, bool inPlane)
    {
        _w = w;
        _inPlane = inPlane;
        _shift = new int[steps.Count];
        _forward = new T[steps.Count];
        _back = new T[steps.Count];
        for (int d = 0; d < steps.Count; d++)
        {
            var o = steps[d];
            _shift[d] = o.X + (w * (o.Y + (w * o.Z)));
        }

        for (int i = 0; i < w * w * wz; i++)
        {
            int x = i % w, y = i / w % w, z = i / (w * w);
            var bit = T.One << i;
            _full |= bit;
            _notFirstX |= x > 0 ? bit : T.Zero;
            _notLastX |= x < w - 1 ? bit : T.Zero;
            _notFirstY |= y > 0 ? bit : T.Zero;
            _notLastY |= y < w - 1 ? bit : T.Zero;
            for (int d = 0; d < steps.Count; d++)
            {
                var o = steps[d];
                _forward[d] |= Inside(x - o.X, y - o.Y, z - o.Z, wz) ? bit : T.Zero;
                _back[d] |= Inside(x + o.X, y + o.Y, z + o.Z, wz) ? bit : T.Zero;
            }
        }
    }

    /// <summary>The number of run directions.</summary>
    public int Directions => _shift.Length;

    /// <summary>The voxels q of the box with q − δ·d in <paramref name="set"/>.</summary>
    public T Forward(T set, int d) => (_shift[d] >= 0 ? set << _shift[d] : set >>> -_shift[d]) & _forward[d];

    /// <summary>The voxels q of the box with q + δ·d in <paramref name="set"/>.</summary>
    public T Back(T set, int d) => (_shift[d] >= 0 ? set >>> _shift[d] : set << -_shift[d]) & _back[d];

    /// <summary>
    /// <paramref name="set"/> and its neighbours in the box: its 26 neighbours (Chebyshev dilation, separable along x,
    /// y, z), or its 8 in-plane neighbours.
    /// </summary>
    public T Dilate(T set)
    {
        var x = set | ((set << 1) & _notFirstX) | ((set >>> 1) & _notLastX);
        var y = x | ((x << _w) & _notFirstY) | ((x >>> _w) & _notLastY);
        return _inPlane ? y : y | ((y << (_w * _w)) & _full) | (y >>> (_w * _w));
    }

    private bool Inside(int x, int y, int z, int wz) => (uint)x < (uint)_w && (uint)y < (uint)_w && (uint)z < (uint)wz;
}
