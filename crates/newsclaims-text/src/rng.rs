//! [`Rng`], the one pseudo-random generator of the workspace: xorshift64 (Marsaglia 2003, shifts
//! 13, 7, 17) with a fixed seed, so that every trainer visits its examples in the same order on
//! every machine and a committed model can be proven by retraining it. Nothing at run time draws
//! random numbers; only the trainers (and the random projection of the word clusters) use it.
//!
//! ```
//! use newsclaims_text::rng::Rng;
//! let mut order: Vec<usize> = (0..5).collect();
//! Rng::new(7).shuffle(&mut order);
//! let mut again: Vec<usize> = (0..5).collect();
//! Rng::new(7).shuffle(&mut again);
//! assert_eq!(order, again);
//! ```

/// A xorshift64 generator. The seed must not be zero (zero is a fixed point of xorshift).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator started at `seed`. Panics when `seed` is zero.
    pub fn new(seed: u64) -> Rng {
        assert_ne!(seed, 0, "xorshift64 needs a non-zero seed");
        Rng(seed)
    }

    /// The next 64 pseudo-random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in [0, 1), from the top 53 bits of [`Rng::next_u64`].
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Shuffles `items` in place (Fisher–Yates, from the end).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for k in (1..items.len()).rev() {
            let j = (self.next_u64() % (k as u64 + 1)) as usize;
            items.swap(k, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn shuffle_is_a_permutation() {
        let mut items: Vec<u32> = (0..100).collect();
        Rng::new(0x2545_f491_4f6c_dd1d).shuffle(&mut items);
        assert_ne!(items, (0..100).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..100).collect::<Vec<_>>());
    }
}
