use descent::draw::map::MapView;
use descent::landscape::LossSpace;
use std::time::Instant;
fn main() {
    let view = MapView::new(1200, 1200, 2.0, LossSpace::default());
    let t = Instant::now();
    for _ in 0..10 { std::hint::black_box(view.contours()); }
    println!("contours {:?}", t.elapsed() / 10);
    let g = LossSpace::default().grid(161, 161);
    let t = Instant::now();
    for _ in 0..10 { std::hint::black_box(LossSpace::default().grid(161, 161)); }
    println!("grid161 {:?}", t.elapsed() / 10);
    let t = Instant::now();
    for _ in 0..10 { for l in 0..30 { std::hint::black_box(g.contour_lines(l as f64 / 256.0)); } }
    println!("lines {:?}", t.elapsed() / 10);
    let (mut s, mut o) = (Vec::new(), Vec::new());
    let t = Instant::now();
    for _ in 0..10 { std::hint::black_box(view.heatmap(descent::colormap::ColorMap::Autumn, &mut s, &mut o)); }
    println!("heatmap {:?} px {}", t.elapsed() / 10, s.len());
}
