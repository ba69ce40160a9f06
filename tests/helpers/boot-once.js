'use strict';
// Boots the compiled CMS once on the database its environment names, then exits: 0 when it loaded, 1 with the
// error on stderr when it did not. Used to start several instances at the same moment on one database.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const cms = path.resolve(__dirname, '..', '..', 'cms');
createStrapi({ appDir: cms, distDir: path.join(cms, 'dist') })
  .load()
  .then(async (strapi) => {
    await strapi.destroy();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error && error.message);
    process.exit(1);
  });
