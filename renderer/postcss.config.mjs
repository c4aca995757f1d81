// PostCSS demands a default export. Mantine's preset gives CSS modules
// rem()/light-dark() and its breakpoint mixins.
export default {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
