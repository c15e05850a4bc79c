import { demoPicture, type PictureShape } from './demo-files.js';

/*
 * The demo projects' pictures, drawn in code at seed time (480 × 300 PNG): a sky, the ground and the
 * work done, in the manner of a simple illustration. Published with the demo under the Licence Ouverte 2.0.
 */

const W = 480;
const H = 300;
const SKY: PictureShape = { gradient: [[166, 205, 232], [226, 238, 246]] };
const SUN: PictureShape = { circle: [400, 62, 26], color: [250, 214, 120] };
const hills = (color: [number, number, number]): PictureShape[] => [
  { circle: [90, 330, 170], color },
  { circle: [380, 350, 200], color: [color[0] - 12, color[1] - 10, color[2] - 12] },
];
const tree = (x: number, y: number, r = 26): PictureShape[] => [
  { rect: [x - 4, y, 8, r + 6], color: [110, 78, 52] },
  { circle: [x, y - r / 3, r], color: [74, 128, 72] },
  { circle: [x - r / 2, y, r * 0.7], color: [88, 142, 80] },
];

/** The school roof of Ableiges, redone: slate-grey roof, light walls, windows. */
export const roofPicture = () =>
  demoPicture(W, H, [
    SKY,
    SUN,
    ...hills([142, 178, 118]),
    { rect: [110, 150, 260, 110], color: [226, 214, 190] },
    { triangle: [[90, 152], [390, 152], [240, 70]], color: [84, 92, 104] },
    ...[140, 200, 260, 320].map((x): PictureShape => ({ rect: [x, 180, 26, 34], color: [120, 156, 186] })),
    { rect: [224, 222, 32, 38], color: [132, 84, 60] },
    { rect: [0, 258, W, 42], color: [186, 178, 160] },
  ]);

/** A city-stade: the green court with its white lines and the fence. */
export const cityStadePicture = () =>
  demoPicture(W, H, [
    SKY,
    SUN,
    ...hills([132, 172, 112]),
    { rect: [40, 150, 400, 130], color: [90, 140, 96] },
    { rect: [60, 166, 360, 98], color: [58, 120, 84] },
    { rect: [238, 166, 4, 98], color: [240, 240, 240] },
    { circle: [240, 215, 22], color: [240, 240, 240] },
    { circle: [240, 215, 18], color: [58, 120, 84] },
    { rect: [60, 196, 4, 40], color: [240, 240, 240] },
    { rect: [416, 196, 4, 40], color: [240, 240, 240] },
    ...[40, 120, 200, 280, 360, 436].map((x): PictureShape => ({ rect: [x, 120, 4, 46], color: [70, 80, 90] })),
    { rect: [40, 120, 400, 3], color: [70, 80, 90] },
  ]);

/** The restored wash-house (lavoir) of La Roche-Guyon: a tiled roof on posts over the water. */
export const lavoirPicture = () =>
  demoPicture(W, H, [
    SKY,
    SUN,
    { rect: [0, 180, W, 120], color: [128, 166, 104] },
    { rect: [60, 214, 360, 60], color: [104, 150, 182] },
    { rect: [60, 206, 360, 10], color: [200, 190, 170] },
    { triangle: [[50, 132], [430, 132], [240, 70]], color: [170, 86, 58] },
    ...[80, 180, 290, 392].map((x): PictureShape => ({ rect: [x, 132, 10, 76], color: [120, 88, 60] })),
    ...tree(450, 150, 30),
  ]);

/** The wood-fired boiler house of Valmondois: a small building, its chimney and the stack of logs. */
export const chaufferiePicture = () =>
  demoPicture(W, H, [
    SKY,
    SUN,
    ...hills([140, 176, 116]),
    { rect: [150, 140, 200, 120], color: [214, 196, 168] },
    { triangle: [[136, 142], [364, 142], [250, 92]], color: [110, 96, 90] },
    { rect: [300, 60, 22, 70], color: [150, 80, 64] },
    { circle: [311, 48, 12], color: [236, 236, 236] },
    { circle: [326, 32, 10], color: [242, 242, 242] },
    { rect: [226, 200, 48, 60], color: [96, 110, 126] },
    ...[0, 1, 2].flatMap((row) => [40, 66, 92].map((x): PictureShape => ({ circle: [x + row * 13, 250 - row * 22, 12], color: [150, 104, 64] }))),
    { rect: [0, 260, W, 40], color: [176, 168, 150] },
    ...tree(420, 190),
  ]);

/** The greened schoolyard of Ableiges: trees, planted beds and a wooden bench. */
export const courPicture = () =>
  demoPicture(W, H, [
    SKY,
    { rect: [0, 170, W, 130], color: [196, 184, 158] },
    { rect: [0, 90, W, 80], color: [226, 214, 190] },
    ...[30, 110, 190, 270, 350, 430].map((x): PictureShape => ({ rect: [x, 110, 24, 30], color: [120, 156, 186] })),
    { rect: [40, 236, 150, 36], color: [102, 150, 82] },
    { rect: [290, 236, 150, 36], color: [102, 150, 82] },
    ...tree(110, 200, 34),
    ...tree(370, 200, 34),
    { rect: [205, 250, 70, 8], color: [150, 104, 64] },
    { rect: [210, 258, 6, 14], color: [120, 84, 52] },
    { rect: [264, 258, 6, 14], color: [120, 84, 52] },
  ]);

/** The playground of Us: a slide, a swing and soft ground. */
export const aireDeJeuxPicture = () =>
  demoPicture(W, H, [
    SKY,
    SUN,
    ...hills([136, 176, 110]),
    { rect: [40, 230, 400, 50], color: [214, 120, 80] },
    { rect: [90, 130, 10, 100], color: [60, 90, 140] },
    { rect: [170, 130, 10, 100], color: [60, 90, 140] },
    { rect: [86, 126, 98, 10], color: [60, 90, 140] },
    { rect: [118, 136, 3, 62], color: [80, 80, 80] },
    { rect: [150, 136, 3, 62], color: [80, 80, 80] },
    { rect: [112, 196, 46, 8], color: [240, 190, 60] },
    { rect: [290, 150, 40, 80], color: [230, 200, 80] },
    { triangle: [[330, 150], [420, 226], [330, 226]], color: [220, 80, 70] },
    { triangle: [[330, 166], [404, 226], [330, 226]], color: [214, 120, 80] },
    ...tree(450, 180),
  ]);
