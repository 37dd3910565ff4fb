// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/HuberChinchillaObjective.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#if defined(__GNUC__)
#define SCALELAB_HUBER_VECTOR_KERNEL 1
#if defined(__x86_64__)
#define SCALELAB_HUBER_X86_KERNELS 1 // AVX2 and AVX-512 versions, chosen at run time
#endif
// No contraction of a * b + c into fused multiply-adds anywhere in this file, whatever the build
// flags: the kernel versions must do the same roundings (the AVX-512 target includes FMA).
#if defined(__clang__)
#pragma clang fp contract(off)
#else
#pragma GCC optimize("fp-contract=off")
#endif
#endif

namespace core {

namespace {

// Vectors per step of each kernel: enough independent chains to keep the core busy without
// running out of registers (measured on Epoch's 240 points, docs/PERFORMANCE.md).
constexpr std::size_t kSlots = 8;           ///< accumulator lanes: point i is summed into slot i % kSlots
constexpr std::size_t kPortableVectors = 8; ///< 2-lane vectors per step of the portable kernel (16 points)
constexpr std::size_t kAvx2Vectors = 6;     ///< 4-lane vectors per step of the AVX2 kernel (24 points)
constexpr std::size_t kAvx512Vectors = 5;   ///< 8-lane vectors per step of the AVX-512 kernel (40 points)
constexpr std::size_t kPadding = 240;       ///< columns are padded to a multiple of every step

/// Kernel inputs: columns padded to a multiple of kPadding points, and the parameters.
struct KernelArgs {
    const double* logN;
    const double* logD;
    const double* logL;
    const double* weight;
    std::size_t points; ///< real points (the columns hold at least the next multiple of kPadding)
    double a, b, E, alpha, beta, delta;
};

/// Kernel outputs; `ok` is false when the fast path cannot be trusted (see the header).
struct KernelOut {
    double f = 0;
    double grad[HuberChinchillaObjective::kParams] = {};
    bool ok = false;
};

#if defined(SCALELAB_HUBER_VECTOR_KERNEL)
// 32-byte vectors are passed in memory when AVX is off; every helper below is always inlined, so
// the ABI note GCC gives for them does not apply. (GCC emits it at the end of the translation
// unit, so it stays off for the rest of this file.)
#pragma GCC diagnostic ignored "-Wpsabi"

/// Native double vectors: 2 lanes (SSE2, the x86-64 baseline; NEON), 4 (AVX2) and 8 (AVX-512).
using Vec2 = double __attribute__((vector_size(2 * sizeof(double))));
using UVec2 = std::uint64_t __attribute__((vector_size(2 * sizeof(double))));
using Vec4 = double __attribute__((vector_size(4 * sizeof(double))));
using UVec4 = std::uint64_t __attribute__((vector_size(4 * sizeof(double))));
using Vec8 = double __attribute__((vector_size(8 * sizeof(double))));
using UVec8 = std::uint64_t __attribute__((vector_size(8 * sizeof(double))));

template <class V> struct Lanes;
template <> struct Lanes<Vec2> {
    using U = UVec2;
    static constexpr std::size_t n = 2;
};
template <> struct Lanes<Vec4> {
    using U = UVec4;
    static constexpr std::size_t n = 4;
};
template <> struct Lanes<Vec8> {
    using U = UVec8;
    static constexpr std::size_t n = 8;
};

#define SCALELAB_INLINE inline __attribute__((always_inline))

/// P native vectors (P x lanes points), operated on step by step so that the P independent chains
/// of each exp/log sit side by side in the instruction stream (the polynomials are long latency
/// chains; one vector at a time leaves most of the core idle).
template <class V, std::size_t N> struct Pack {
    V v[N];
};
template <class V, std::size_t N> struct PackU {
    typename Lanes<V>::U v[N];
};

#define SCALELAB_PACK_OP(op)                                                                        \
    template <class V, std::size_t N> SCALELAB_INLINE Pack<V, N> operator op(const Pack<V, N>& x, const Pack<V, N>& y) \
    {                                                                                               \
        Pack<V, N> r;                                                                               \
        for (std::size_t p = 0; p < N; ++p)                                                         \
            r.v[p] = x.v[p] op y.v[p];                                                              \
        return r;                                                                                   \
    }                                                                                               \
    template <class V, std::size_t N> SCALELAB_INLINE Pack<V, N> operator op(const Pack<V, N>& x, double y)       \
    {                                                                                               \
        Pack<V, N> r;                                                                               \
        for (std::size_t p = 0; p < N; ++p)                                                         \
            r.v[p] = x.v[p] op y;                                                                   \
        return r;                                                                                   \
    }                                                                                               \
    template <class V, std::size_t N> SCALELAB_INLINE Pack<V, N> operator op(double x, const Pack<V, N>& y)       \
    {                                                                                               \
        Pack<V, N> r;                                                                               \
        for (std::size_t p = 0; p < N; ++p)                                                         \
            r.v[p] = x op y.v[p];                                                                   \
        return r;                                                                                   \
    }
SCALELAB_PACK_OP(+)
SCALELAB_PACK_OP(-)
SCALELAB_PACK_OP(*)
SCALELAB_PACK_OP(/)
#undef SCALELAB_PACK_OP

template <class V, std::size_t N> SCALELAB_INLINE Pack<V, N> load(const double* p)
{
    Pack<V, N> r;
    std::memcpy(&r, p, sizeof r);
    return r;
}
template <class V, std::size_t N> SCALELAB_INLINE PackU<V, N> bits(const Pack<V, N>& x)
{
    return std::bit_cast<PackU<V, N>>(x);
}
template <class V, std::size_t N> SCALELAB_INLINE Pack<V, N> fromBits(const PackU<V, N>& x)
{
    return std::bit_cast<Pack<V, N>>(x);
}
/// max(x, lo) and min(x, hi) in the form that compiles to maxpd/minpd (NaN passes through).
template <class V, std::size_t N> SCALELAB_INLINE Pack<V, N> clamp(const Pack<V, N>& in, double lo, double hi)
{
    Pack<V, N> x = in;
    for (std::size_t p = 0; p < N; ++p) {
        const V l = V{} + lo, h = V{} + hi;
        x.v[p] = x.v[p] < l ? l : x.v[p];
        x.v[p] = x.v[p] > h ? h : x.v[p];
    }
    return x;
}

// ln 2 split so that k * kLn2Hi is exact for |k| < 2^11 (the high part has 32 trailing zero bits).
constexpr double kLn2Hi = 0x1.62e42feep-1;
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;

/// e^x for x <= 709 within about 1 ulp (x below -708 is raised to -708; x above 709 gives garbage,
/// which the kernel's guard discards): x = k ln2 + r with |r| <= ln2/2, 2^k built in the exponent
/// bits, e^r = 1 + r + r^2 g(r) with g a degree-9 polynomial in Estrin's scheme. The coefficients
/// of g are a Chebyshev fit (mpmath.chebyfit, 60 digits, rounded to double) of (e^r - 1 - r)/r^2
/// on [-ln2/2, ln2/2]; the approximation is within 1.6e-17 relative of e^r there.
template <class V, std::size_t P> SCALELAB_INLINE Pack<V, P> vexp(const Pack<V, P>& t)
{
    Pack<V, P> x = t;
    for (std::size_t p = 0; p < P; ++p) {
        const V lo = V{} - 708.0;
        x.v[p] = x.v[p] < lo ? lo : x.v[p];
    }
    constexpr double shifter = 0x1.8p52; // adding it rounds to an integer held in the low bits
    const Pack<V, P> kd = x * 0x1.71547652b82fep0 + shifter;
    const Pack<V, P> k = kd - shifter;
    const Pack<V, P> r = (x - k * kLn2Hi) - k * kLn2Lo;
    const Pack<V, P> r2 = r * r;
    const Pack<V, P> r4 = r2 * r2;
    const Pack<V, P> r8 = r4 * r4;
    const Pack<V, P> g01 = 0.5000000000000001 + r * 0.16666666666666669;
    const Pack<V, P> g23 = 0.041666666666624164 + r * 0.008333333333330065;
    const Pack<V, P> g45 = 0.0013888888917196719 + r * 0.00019841269863040545;
    const Pack<V, P> g67 = 2.4801521322368692e-05 + r * 2.7557268480310024e-06;
    const Pack<V, P> g89 = 2.7620075879983367e-07 + r * 2.5100375832561234e-08;
    const Pack<V, P> g = ((g01 + r2 * g23) + r4 * (g45 + r2 * g67)) + r8 * g89;
    const Pack<V, P> er = 1.0 + (r + r2 * g);
    PackU<V, P> scale = bits(kd);
    for (std::size_t p = 0; p < P; ++p)
        scale.v[p] = (scale.v[p] + 1023u) << 52;
    return er * fromBits(scale);
}

/// log s for finite normal s > 0, within 2.3e-16 absolute (so a few ulp when |log s| > 0.1; the
/// kernel only uses differences log s - log L): s = 2^k m with m in [1, 2), log m =
/// log c + 2 atanh(z) with c = sqrt(2), z = (m - c)/(m + c), |z| <= 0.172, and log c + k log 2 =
/// (k + 1/2) log 2. 2 atanh(z) = 2z + 2z z^2 q(z^2) with q a degree-6 polynomial in Estrin's
/// scheme: a Chebyshev fit (mpmath.chebyfit, 60 digits, rounded to double) of
/// (atanh(z)/z - 1)/z^2 on z^2 in [0, 0.0295]; 2 atanh(z) is then within 2e-18 of exact.
template <class V, std::size_t P> SCALELAB_INLINE Pack<V, P> vlog(const Pack<V, P>& s)
{
    const PackU<V, P> b = bits(s);
    PackU<V, P> mantissaBits, exponentBits;
    for (std::size_t p = 0; p < P; ++p) {
        mantissaBits.v[p] = (b.v[p] & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
        exponentBits.v[p] = (b.v[p] >> 52) | 0x4330000000000000ull;
    }
    const Pack<V, P> m = fromBits(mantissaBits); // [1, 2)
    const Pack<V, P> k = (fromBits(exponentBits) - (0x1p52 + 1023.0)) + 0.5; // exact
    constexpr double c = 1.4142135623730951;
    const Pack<V, P> z = (m - c) / (m + c);
    const Pack<V, P> u = z * z;
    const Pack<V, P> u2 = u * u;
    const Pack<V, P> u4 = u2 * u2;
    const Pack<V, P> q01 = 0.3333333333333335 + u * 0.19999999999949752;
    const Pack<V, P> q23 = 0.14285714312987743 + u * 0.1111110556739754;
    const Pack<V, P> q45 = 0.09091444562630861 + u * 0.07665860800278021;
    const Pack<V, P> q = (q01 + u2 * q23) + u4 * (q45 + u2 * 0.07308224842521703);
    const Pack<V, P> twoZ = z + z;
    const Pack<V, P> logM = twoZ + twoZ * (u * q); // log(m / c)
    return k * kLn2Hi + (logM + k * kLn2Lo);
}

/// The objective and gradient over all points, P x lanes points per step: without the max shift of
/// the log-sum-exp (E = e^e is one constant), so two exp and one log per point. Huber'(r) =
/// clamp(r, -delta, delta) = h and Huber(r) = h (r - h/2) on both branches, so the loop has no
/// branches. Point i is summed into accumulator slot i % kSlots, in point order, and the slots are
/// added in order at the end: the same operations whatever the vector width and step.
template <class V, std::size_t P> SCALELAB_INLINE KernelOut kernelBody(const KernelArgs& in)
{
    constexpr std::size_t w = Lanes<V>::n, step = P * w, perSlotSet = kSlots / w, sets = P / perSlotSet;
    static_assert(kSlots % w == 0 && P % perSlotSet == 0 && kPadding % step == 0);
    const double a = in.a, b = in.b, E = in.E, alpha = in.alpha, beta = in.beta, delta = in.delta;
    // Accumulators: kSlots lanes each, held as perSlotSet native vectors.
    V f[perSlotSet] = {}, ga[perSlotSet] = {}, gb[perSlotSet] = {}, ge[perSlotSet] = {}, gal[perSlotSet] = {},
      gbe[perSlotSet] = {};
    V highest = V{} - std::numeric_limits<double>::infinity(); // of the exponents t1, t2
    const std::size_t points = (in.points + step - 1) / step * step; // within the padding
    for (std::size_t i = 0; i < points; i += step) {
        const Pack<V, P> lN = load<V, P>(in.logN + i), lD = load<V, P>(in.logD + i);
        const Pack<V, P> t1 = a - alpha * lN;
        const Pack<V, P> t2 = b - beta * lD;
        for (std::size_t p = 0; p < P; ++p) {
            const V t = t1.v[p] > t2.v[p] ? t1.v[p] : t2.v[p];
            highest = highest > t ? highest : t; // NaN shows up in f instead
        }
        const Pack<V, P> u1 = vexp(t1), u2 = vexp(t2);
        const Pack<V, P> s = u1 + u2 + E;
        const Pack<V, P> r = vlog(s) - load<V, P>(in.logL + i);
        const Pack<V, P> h = clamp(r, -delta, delta) * load<V, P>(in.weight + i);
        const Pack<V, P> fi = h * (r - 0.5 * h);
        const Pack<V, P> dr = h / s;
        const Pack<V, P> w1 = dr * u1, w2 = dr * u2;
        const Pack<V, P> wN = w1 * lN, wD = w2 * lD;
        for (std::size_t set = 0; set < sets; ++set)
            for (std::size_t j = 0; j < perSlotSet; ++j) {
                const std::size_t p = set * perSlotSet + j;
                f[j] += fi.v[p];
                ga[j] += w1.v[p];
                gb[j] += w2.v[p];
                ge[j] += dr.v[p];
                gal[j] -= wN.v[p];
                gbe[j] -= wD.v[p];
            }
    }
    KernelOut out;
    bool anyBad = false;
    for (std::size_t j = 0; j < perSlotSet; ++j) // slot order 0..kSlots-1 for every width
        for (std::size_t l = 0; l < w; ++l) {
            out.f += f[j][l];
            out.grad[0] += ga[j][l];
            out.grad[1] += gb[j][l];
            out.grad[2] += ge[j][l];
            out.grad[3] += gal[j][l];
            out.grad[4] += gbe[j][l];
        }
    for (std::size_t l = 0; l < w; ++l)
        anyBad = anyBad || !(highest[l] <= 700.0);
    out.grad[2] *= in.E;
    out.ok = !anyBad && std::isfinite(out.f);
    for (double g : out.grad)
        out.ok = out.ok && std::isfinite(g);
    return out;
}

KernelOut kernelPortable(const KernelArgs& in)
{
    return kernelBody<Vec2, kPortableVectors>(in);
}

#if defined(SCALELAB_HUBER_X86_KERNELS)
__attribute__((target("avx2"))) KernelOut kernelAvx2(const KernelArgs& in)
{
    return kernelBody<Vec4, kAvx2Vectors>(in);
}

__attribute__((target("avx512f"))) KernelOut kernelAvx512(const KernelArgs& in)
{
    return kernelBody<Vec8, kAvx512Vectors>(in);
}

/// The widest kernel this CPU (and OS) supports.
HuberChinchillaObjective::Kernel widestKernel()
{
    static const HuberChinchillaObjective::Kernel widest = [] {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f"))
            return HuberChinchillaObjective::Kernel::Avx512;
        if (__builtin_cpu_supports("avx2"))
            return HuberChinchillaObjective::Kernel::Avx2;
        return HuberChinchillaObjective::Kernel::Portable;
    }();
    return widest;
}
#else
HuberChinchillaObjective::Kernel widestKernel()
{
    return HuberChinchillaObjective::Kernel::Portable;
}
#endif

#undef SCALELAB_INLINE
#endif // SCALELAB_HUBER_VECTOR_KERNEL

std::vector<double> padded(const std::vector<double>& v)
{
    std::vector<double> p(v);
    p.resize((v.size() + kPadding - 1) / kPadding * kPadding, v.empty() ? 0.0 : v.back());
    return p;
}

} // namespace

HuberChinchillaObjective::HuberChinchillaObjective(std::span<const double> N, std::span<const double> D,
                                                   std::span<const double> L, double delta)
    : delta_(delta)
{
    logN_.reserve(N.size());
    logD_.reserve(D.size());
    logL_.reserve(L.size());
    for (double v : N)
        logN_.push_back(std::log(v));
    for (double v : D)
        logD_.push_back(std::log(v));
    for (double v : L)
        logL_.push_back(std::log(v));
    padN_ = padded(logN_);
    padD_ = padded(logD_);
    padL_ = padded(logL_);
    padW_.assign(padL_.size(), 0.0);
    std::fill(padW_.begin(), padW_.begin() + static_cast<std::ptrdiff_t>(logL_.size()), 1.0);
}

HuberChinchillaObjective::Kernel HuberChinchillaObjective::autoKernel()
{
#if defined(SCALELAB_HUBER_VECTOR_KERNEL)
    return widestKernel();
#else
    return Kernel::Reference;
#endif
}

const char* HuberChinchillaObjective::kernelName(Kernel kernel)
{
    switch (kernel) {
    case Kernel::Auto:
        return "auto";
    case Kernel::Portable:
        return "portable vector (SSE2)";
    case Kernel::Avx2:
        return "AVX2";
    case Kernel::Avx512:
        return "AVX-512";
    case Kernel::Reference:
        return "scalar reference";
    }
    return "unknown";
}

double HuberChinchillaObjective::evaluate(std::span<const double> x, std::span<double> grad, Kernel kernel) const
{
#if defined(SCALELAB_HUBER_VECTOR_KERNEL)
    const double e = x[2];
    if (kernel != Kernel::Reference && e >= -600.0 && e <= 700.0) {
        KernelArgs in{};
        in.logN = padN_.data();
        in.logD = padD_.data();
        in.logL = padL_.data();
        in.weight = padW_.data();
        in.points = logL_.size();
        in.a = x[0];
        in.b = x[1];
        in.E = std::exp(e);
        in.alpha = x[3];
        in.beta = x[4];
        in.delta = delta_;
        // A requested kernel the CPU lacks falls back to the next narrower one.
        const Kernel widest = widestKernel();
        if (kernel == Kernel::Auto || (kernel == Kernel::Avx512 && widest != Kernel::Avx512) ||
            (kernel == Kernel::Avx2 && widest == Kernel::Portable))
            kernel = widest;
        KernelOut out;
        switch (kernel) {
#if defined(SCALELAB_HUBER_X86_KERNELS)
        case Kernel::Avx512:
            out = kernelAvx512(in);
            break;
        case Kernel::Avx2:
            out = kernelAvx2(in);
            break;
#endif
        default:
            out = kernelPortable(in);
            break;
        }
        if (out.ok) {
            std::copy(std::begin(out.grad), std::end(out.grad), grad.begin());
            return out.f;
        }
    }
#else
    (void)kernel;
#endif
    return reference(x, grad);
}

double HuberChinchillaObjective::reference(std::span<const double> x, std::span<double> grad) const
{
    const double a = x[0], b = x[1], e = x[2], alpha = x[3], beta = x[4];
    const double delta = delta_;
    double f = 0, ga = 0, gb = 0, ge = 0, gal = 0, gbe = 0;
    const std::size_t n = logL_.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double t1 = a - alpha * logN_[i];
        const double t2 = b - beta * logD_[i];
        const double mx = std::max(std::max(t1, t2), e);
        const double u1 = std::exp(t1 - mx), u2 = std::exp(t2 - mx), u3 = std::exp(e - mx);
        const double s = u1 + u2 + u3;
        const double r = mx + std::log(s) - logL_[i];
        const double ar = std::abs(r);
        const bool inside = ar <= delta;
        f += inside ? 0.5 * r * r : delta * (ar - 0.5 * delta);
        const double dr = (inside ? r : std::copysign(delta, r)) / s; // Huber'(r) / s
        const double w1 = dr * u1, w2 = dr * u2;
        ga += w1;
        gb += w2;
        ge += dr * u3;
        gal -= w1 * logN_[i];
        gbe -= w2 * logD_[i];
    }
    grad[0] = ga;
    grad[1] = gb;
    grad[2] = ge;
    grad[3] = gal;
    grad[4] = gbe;
    return f;
}

double HuberChinchillaObjective::value(std::span<const double> x) const
{
    double g[kParams];
    return (*this)(x, g);
}

std::vector<double> HuberChinchillaObjective::residuals(std::span<const double> x) const
{
    std::vector<double> r(logL_.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        const double t1 = x[0] - x[3] * logN_[i];
        const double t2 = x[1] - x[4] * logD_[i];
        const double mx = std::max(std::max(t1, t2), x[2]);
        r[i] = mx + std::log(std::exp(t1 - mx) + std::exp(t2 - mx) + std::exp(x[2] - mx)) - logL_[i];
    }
    return r;
}

} // namespace core
